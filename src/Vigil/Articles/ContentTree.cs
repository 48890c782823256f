using AngleSharp.Dom;

namespace Vigil.Articles;

/// <summary>
/// The page's elements with the text statistics the body finder needs, computed once: every text node is read a single
/// time and its length and commas are summed bottom-up, so no step ever calls <c>TextContent</c> on a large subtree.
/// </summary>
internal sealed class ContentTree
{
    /// <summary>Elements whose content is never article text; they are left out of the tree altogether.</summary>
    private static readonly HashSet<string> InvisibleTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
        "source", "track", "picture", "img", "input", "select", "option", "textarea", "button", "head", "link", "meta",
        "map", "area", "dialog", "frame", "frameset",
    };

    /// <summary>Elements that hold page furniture by their nature: navigation, asides, forms, figures and their captions.</summary>
    private static readonly HashSet<string> FurnitureTags = new(StringComparer.Ordinal)
    {
        "nav", "aside", "footer", "header", "figure", "figcaption", "form", "menu", "label", "fieldset", "legend", "caption",
    };

    private static readonly HashSet<string> FurnitureRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "contentinfo", "banner", "menu", "menubar", "dialog", "alert", "alertdialog", "search",
        "toolbar", "tooltip",
    };

    private readonly Dictionary<IElement, ContentNode> byElement = new(ReferenceEqualityComparer.Instance);

    private ContentTree(ContentNode root) => Root = root;

    public ContentNode Root { get; }

    public List<ContentNode> Nodes { get; } = [];

    public ContentNode? NodeOf(IElement element) => byElement.GetValueOrDefault(element);

    /// <summary>
    /// Walks the whole page once: elements of the body become nodes of the tree, and every element that carries
    /// metadata, in the head or the body, is noted in <paramref name="signals"/>.
    /// </summary>
    public static ContentTree Build(IDocument document, PageSignals signals, PageBudget? budget = null)
    {
        var root = document.Body ?? document.DocumentElement;
        var tree = new ContentTree(new ContentNode(root, null, root.LocalName));
        tree.Add(tree.Root);
        var stack = new Stack<(INode Node, ContentNode? Parent, bool InLink)>();
        if (ReferenceEquals(root, document.DocumentElement))
        {
            PushChildren(stack, root, tree.Root, false);
        }
        else
        {
            stack.Push((document.DocumentElement, null, false));
        }

        var steps = 0;
        while (stack.Count > 0)
        {
            if (++steps % 4096 == 0)
            {
                budget?.Check("building the content tree");
            }

            var (node, parent, inLink) = stack.Pop();
            if (node is IText text)
            {
                if (parent is not null)
                {
                    CountText(text.Data, parent, inLink);
                }

                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            signals.ObserveTag(element);
            if (ReferenceEquals(element, root))
            {
                PushChildren(stack, element, tree.Root, false);
                continue;
            }

            if (parent is null)
            {
                // Outside the body (the head): only metadata is of interest.
                PushChildren(stack, element, null, false);
                continue;
            }

            if (InvisibleTags.Contains(element.LocalName))
            {
                continue;
            }

            var child = new ContentNode(element, parent, element.LocalName);
            parent.Children.Add(child);
            if (child.IsBlock)
            {
                parent.HasBlockChild = true;
            }

            if (element.LocalName == "blockquote")
            {
                for (var ancestor = parent; ancestor is not null && !ancestor.ContainsQuote; ancestor = ancestor.Parent)
                {
                    ancestor.ContainsQuote = true;
                }
            }

            tree.Add(child);
            ReadAttributes(child, signals);
            PushChildren(stack, element, child, inLink || child.IsLink);
        }

        // Nodes are in document (pre-)order, so walking backwards visits every child before its parent.
        for (var i = tree.Nodes.Count - 1; i > 0; i--)
        {
            var node = tree.Nodes[i];
            var parent = node.Parent!;
            parent.TextLength += node.TextLength;
            parent.LinkLength += node.LinkLength;
            parent.Commas += node.Commas;
        }

        return tree;
    }

    private void Add(ContentNode node)
    {
        Nodes.Add(node);
        byElement[node.Element] = node;
    }

    private static void PushChildren(Stack<(INode, ContentNode?, bool)> stack, INode node, ContentNode? parent, bool inLink)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], parent, inLink));
        }
    }

    private static void CountText(string data, ContentNode parent, bool inLink)
    {
        int visible = 0, commas = 0;
        foreach (var c in data)
        {
            if (!HtmlText.IsSpace(c))
            {
                visible++;
                if (c is ',' or '，' or '،')
                {
                    commas++;
                }
            }
        }

        parent.OwnText += visible;
        parent.TextLength += visible;
        parent.Commas += commas;
        parent.OwnCommas += commas;
        if (inLink)
        {
            parent.LinkLength += visible;
            parent.OwnLink += visible;
        }
    }

    /// <summary>Reads the attributes that matter in one pass over the element's attribute list.</summary>
    private static void ReadAttributes(ContentNode node, PageSignals signals)
    {
        string? role = null;
        foreach (var attribute in node.Element.Attributes)
        {
            switch (attribute.LocalName)
            {
                case "class":
                    node.ClassSignal = BoilerplateNames.Classify(attribute.Value);
                    node.NamesComments |= BoilerplateNames.NamesComments(attribute.Value);
                    if (PageSignals.IsBylineClass(attribute.Value))
                    {
                        signals.ObserveByline(node.Element);
                    }

                    break;
                case "id":
                    node.IdSignal = BoilerplateNames.Classify(attribute.Value);
                    node.NamesComments |= BoilerplateNames.NamesComments(attribute.Value);
                    break;
                case "itemprop":
                    node.IsMarkedBody = attribute.Value.Contains("articleBody", StringComparison.OrdinalIgnoreCase);
                    if (PageSignals.HasWord(attribute.Value, "author"))
                    {
                        signals.ObserveByline(node.Element);
                    }
                    else if (signals.DatePublished is null && PageSignals.HasWord(attribute.Value, "datePublished"))
                    {
                        signals.DatePublished = node.Element;
                    }

                    break;
                case "rel" when PageSignals.HasWord(attribute.Value, "author"):
                    signals.ObserveByline(node.Element);
                    break;
                case "role":
                    role = attribute.Value;
                    break;
                case "hidden":
                    node.IsHidden = true;
                    break;
                case "aria-hidden":
                    node.IsHidden |= string.Equals(attribute.Value, "true", StringComparison.OrdinalIgnoreCase);
                    break;
                case "style":
                    node.IsHidden |= HidesElement(attribute.Value);
                    break;
            }
        }

        node.IsFurnitureByMarkup = FurnitureTags.Contains(node.Tag) || (role is not null && FurnitureRoles.Contains(role));
    }

    private static bool HidesElement(string style)
    {
        if (!style.Contains("none", StringComparison.OrdinalIgnoreCase) && !style.Contains("hidden", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var compact = style.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }
}

/// <summary>One element of a <see cref="ContentTree"/>. Lengths count visible (non-space) characters.</summary>
internal sealed class ContentNode(IElement element, ContentNode? parent, string tag)
{
    public IElement Element { get; } = element;

    public ContentNode? Parent { get; } = parent;

    public string Tag { get; } = tag;

    public bool IsBlock { get; } = HtmlText.IsBlockTag(tag);

    /// <summary>
    /// A hyperlink: an anchor with an href. A named anchor (<c>&lt;a name="top"&gt;</c>) links nowhere, and old pages
    /// often leave one open around the whole page.
    /// </summary>
    public bool IsLink { get; } = tag == "a" && element.HasAttribute("href");

    public List<ContentNode> Children { get; } = [];

    public bool HasBlockChild { get; set; }

    /// <summary>Has a blockquote inside: quoted material, such as embedded posts, that the article cites.</summary>
    public bool ContainsQuote { get; set; }

    /// <summary>Text directly inside this element, not inside a child element.</summary>
    public int OwnText { get; set; }

    public int OwnLink { get; set; }

    public int OwnCommas { get; set; }

    public int TextLength { get; set; }

    public int LinkLength { get; set; }

    public int Commas { get; set; }

    /// <summary>Furniture by what the markup says the element is: its tag or its role.</summary>
    public bool IsFurnitureByMarkup { get; set; }

    /// <summary>Furniture by its class or id name.</summary>
    public bool IsFurnitureByName => ClassSignal < 0 || IdSignal < 0;

    /// <summary>Named for a comment section or a comment by its class or id.</summary>
    public bool NamesComments { get; set; }

    /// <summary>Not shown: the hidden attribute, aria-hidden, or display:none / visibility:hidden inline.</summary>
    public bool IsHidden { get; set; }

    /// <summary>Marked as the article body by <c>itemprop="articleBody"</c>.</summary>
    public bool IsMarkedBody { get; set; }

    public int ClassSignal { get; set; }

    public int IdSignal { get; set; }

    /// <summary>Left out of the body: furniture itself or inside furniture.</summary>
    public bool Dropped { get; set; }

    public int KeptText { get; set; }

    public int KeptLink { get; set; }

    public int KeptCommas { get; set; }

    /// <summary>Kept text of this element outside its block children: its own text and that of its inline children.</summary>
    public int LooseText { get; set; }

    public int LooseLink { get; set; }

    public int LooseCommas { get; set; }

    public bool IsCandidate { get; set; }

    public double Score { get; set; }

    public double KeptLinkDensity => KeptText == 0 ? 0 : (double)KeptLink / KeptText;

    /// <summary>Forgets what one search for the body worked out, so that another can start afresh.</summary>
    public void ResetSearch()
    {
        Dropped = false;
        KeptText = KeptLink = KeptCommas = 0;
        LooseText = LooseLink = LooseCommas = 0;
        IsCandidate = false;
        Score = 0;
    }
}
