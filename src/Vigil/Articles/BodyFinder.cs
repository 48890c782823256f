using AngleSharp.Dom;

namespace Vigil.Articles;

/// <summary>One block of body text (a paragraph, heading, list item, quotation) and what the body finder knows of it.</summary>
internal sealed record BodyBlock(string Text, string Kind, int Chars, int LinkChars)
{
    public bool IsHeading => Kind is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;
}

/// <summary>
/// Finds the article body in a page's element tree the way Readability does, with trafilatura's furniture pruning in
/// front of it: furniture (navigation, asides, share bars, related links, comments, captions, hidden elements...) is
/// set aside unless it holds most of the page's text; every paragraph then scores its parent and, less and less, its
/// ancestors, by its length and commas; the best-scoring container, discounted by its link density, wins, and
/// siblings that score nearly as well or read as prose join it. The winner is written out block by block.
/// </summary>
internal static class BodyFinder
{
    private const int MinimumParagraphLength = 25;

    /// <summary>Below this many characters of text, a body found with furniture names trusted is searched for again without them.</summary>
    private const int ShortBody = 500;

    /// <summary>The text a container needs before a content name ("post", "article-body") weighs in full.</summary>
    private const int NamedBodyLength = 500;

    /// <summary>
    /// Names can mislead: templates wrap a post in an element classed for its byline or metadata, and a pasted post
    /// keeps the classes of the page it came from. When the body found with names trusted is short, the page is
    /// searched again with furniture recognised by tag and role only, as Readability retries without its "unlikely
    /// candidate" names when its first result is under 500 characters.
    /// </summary>
    public static List<BodyBlock> Find(ContentTree tree, PageBudget? budget = null)
    {
        var blocks = Search(tree, trustNames: true, budget);
        var found = ProseLength(blocks);
        if (found >= ShortBody || ProseSetAsideByName(tree) < Math.Max(found, MinimumParagraphLength))
        {
            // Long enough, or what names alone set aside could not make a body twice as long: no second search.
            return blocks;
        }

        foreach (var node in tree.Nodes)
        {
            node.ResetSearch();
        }

        // A few more lines are more likely furniture that its name rightly set aside (a byline, a caption, a comment)
        // than the article: the second search wins only with at least twice the text.
        var retry = Search(tree, trustNames: false, budget);
        var retried = ProseLength(retry);
        return retried >= 2 * found && retried > 0 ? retry : blocks;
    }

    /// <summary>The text outside links of the outermost elements set aside for their names alone (not hidden, not furniture by tag or role).</summary>
    private static int ProseSetAsideByName(ContentTree tree)
    {
        var length = 0;
        foreach (var node in tree.Nodes)
        {
            if (node.Dropped && node.IsFurnitureByName && !node.IsFurnitureByMarkup && !node.IsHidden && node.Parent is { Dropped: false })
            {
                length += node.TextLength - node.LinkLength;
            }
        }

        return length;
    }

    private static int ProseLength(List<BodyBlock> blocks)
    {
        var length = 0;
        foreach (var block in blocks)
        {
            length += block.Chars - block.LinkChars;
        }

        return length;
    }

    private static List<BodyBlock> Search(ContentTree tree, bool trustNames, PageBudget? budget)
    {
        MarkDropped(tree, trustNames);
        CountKept(tree);
        budget?.Check("pruning furniture");
        var (top, bestScore) = ChooseContainer(tree);
        budget?.Check("scoring");
        var parts = JoinSiblings(top, bestScore, tree);
        return BlockWriter.Write(tree, parts, budget);
    }

    /// <summary>
    /// Hidden elements are dropped. Furniture and everything inside it is dropped too, except an element holding at
    /// least half of the page's non-link text or the marked article body (sites name whole-page wrappers after their
    /// layout), and except a furniture-named wrapper of quoted posts that is not a link list (an embedded post is
    /// cited material; a share bar is links).
    /// </summary>
    private static void MarkDropped(ContentTree tree, bool trustNames)
    {
        var containsMarkedBody = new HashSet<ContentNode>(ReferenceEqualityComparer.Instance);
        foreach (var node in tree.Nodes)
        {
            if (node.IsMarkedBody && !IsInsideHidden(node))
            {
                for (var ancestor = node; ancestor is not null && containsMarkedBody.Add(ancestor); ancestor = ancestor.Parent)
                {
                }
            }
        }

        var pageText = tree.Root.TextLength - tree.Root.LinkLength;
        foreach (var node in tree.Nodes)
        {
            if (node.Parent is null)
            {
                continue;
            }

            var isFurniture = node.IsFurnitureByMarkup || (trustNames && node.IsFurnitureByName && !IsInRunningText(node));
            node.Dropped = node.Parent.Dropped || node.IsHidden || (isFurniture && !containsMarkedBody.Contains(node)
                && 2 * (node.TextLength - node.LinkLength) < pageText && !IsCitedQuote(node));
        }
    }

    /// <summary>
    /// Words inside a paragraph's running text belong to its sentence whatever their element is named: sites class a
    /// linked place or person for a topic page, a tooltip or a popup ("reverse its position on
    /// &lt;a class="meta-tag"&gt;Sudan&lt;/a&gt; and lift"), and dropping the name leaves the sentence without its words.
    /// What the page hides is still left out: hidden by markup (<see cref="ContentNode.IsHidden"/>) or by a name that
    /// says so ("sr-only", "visually-hidden": words for screen readers, not for the sentence on the page).
    /// </summary>
    private static bool IsInRunningText(ContentNode node) => !node.IsBlock && node.Parent is { Tag: "p", OwnText: > 0 }
        && !BoilerplateNames.NamesHidden(node.Element.GetAttribute("class")) && !BoilerplateNames.NamesHidden(node.Element.Id);

    private static bool IsInsideHidden(ContentNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.IsHidden)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A wrapper of quoted posts (an embedded post is cited material), but not a comment section, whose readers quote
    /// each other and the article.
    /// </summary>
    private static bool IsCitedQuote(ContentNode node) =>
        node.ContainsQuote && !node.NamesComments && node.Tag is not ("nav" or "aside" or "footer" or "header" or "form") && 2 * node.LinkLength < node.TextLength;

    private static void CountKept(ContentTree tree)
    {
        for (var i = tree.Nodes.Count - 1; i >= 0; i--)
        {
            var node = tree.Nodes[i];
            if (node.Dropped)
            {
                continue;
            }

            node.KeptText += node.OwnText;
            node.KeptLink += node.OwnLink;
            node.KeptCommas += node.OwnCommas;
            node.LooseText += node.OwnText;
            node.LooseLink += node.OwnLink;
            node.LooseCommas += node.OwnCommas;
            if (node.Parent is { } parent)
            {
                parent.KeptText += node.KeptText;
                parent.KeptLink += node.KeptLink;
                parent.KeptCommas += node.KeptCommas;
                if (!node.IsBlock)
                {
                    parent.LooseText += node.LooseText;
                    parent.LooseLink += node.LooseLink;
                    parent.LooseCommas += node.LooseCommas;
                }
            }
        }
    }

    private static bool IsParagraph(ContentNode node) => node.Tag switch
    {
        "p" or "pre" or "td" => true,
        "div" or "section" or "article" or "main" or "center" or "font" => !node.HasBlockChild,
        _ => false,
    };

    /// <summary>The container of the body, and the score of the best candidate (before climbing to a container).</summary>
    private static (ContentNode Container, double BestScore) ChooseContainer(ContentTree tree)
    {
        // A paragraph is scored by its own words, not those of its links: a list of headlines, or of dates each with
        // a "3 comments" link, is a stack of paragraphs by its markup but not prose.
        var candidates = new List<ContentNode>();
        foreach (var node in tree.Nodes)
        {
            if (node.Dropped || !IsParagraph(node) || node.KeptText - node.KeptLink < MinimumParagraphLength)
            {
                continue;
            }

            ScoreAncestors(node.Parent, node.KeptText - node.KeptLink, node.KeptCommas, candidates);
        }

        // Text written straight into a container between its block children (blog posts that separate paragraphs
        // with <br>, not <p>) is a paragraph of that container, as a browser lays it out: Readability wraps such runs
        // in <p> before it scores.
        foreach (var node in tree.Nodes)
        {
            if (!node.Dropped && node.HasBlockChild && node.Tag is "div" or "section" or "article" or "main" or "center" or "font" or "blockquote" or "td"
                && node.LooseText - node.LooseLink >= MinimumParagraphLength)
            {
                ScoreAncestors(node, node.LooseText - node.LooseLink, node.LooseCommas, candidates);
            }
        }

        if (candidates.Count == 0)
        {
            return (tree.Root, 0);
        }

        foreach (var candidate in candidates)
        {
            candidate.Score *= 1 - candidate.KeptLinkDensity;
        }

        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var top = candidates[0];
        top = CommonAncestorOfAlternatives(top, candidates);
        return (ClimbWhileParentScoresBetter(top, tree.Root), candidates[0].Score);
    }

    /// <summary>A paragraph's score, by its length and commas, goes to its container in full and, less and less, to four more ancestors.</summary>
    private static void ScoreAncestors(ContentNode? container, int textLength, int commas, List<ContentNode> candidates)
    {
        var score = 1.0 + commas + Math.Min(textLength / 100, 3);
        var ancestor = container;
        for (var level = 0; level < 5 && ancestor is not null; level++, ancestor = ancestor.Parent)
        {
            if (!ancestor.IsCandidate)
            {
                ancestor.IsCandidate = true;
                ancestor.Score = InitialScore(ancestor);
                candidates.Add(ancestor);
            }

            ancestor.Score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        }
    }

    private static double InitialScore(ContentNode node)
    {
        double score = node.Tag switch
        {
            "div" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        // A name says what a container is, and its weight decides between containers of comparable text; a widget
        // called "text" holding one short paragraph is not the article however it is named, so a content name
        // counts in full only for a container of some length.
        var names = node.ClassSignal + node.IdSignal;
        score += names > 0 ? 25 * names * Math.Min(1.0, (double)node.KeptText / NamedBodyLength) : 25 * names;
        if (node.IsMarkedBody)
        {
            score += 25;
        }

        return score;
    }

    /// <summary>When several near-best candidates share an ancestor with the best one, the body is that ancestor.</summary>
    private static ContentNode CommonAncestorOfAlternatives(ContentNode top, List<ContentNode> ranked)
    {
        const int Needed = 3;
        var alternatives = ranked.Skip(1).Take(4).Where(c => top.Score > 0 && c.Score / top.Score >= 0.75).ToList();
        if (alternatives.Count < Needed)
        {
            return top;
        }

        for (var ancestor = top.Parent; ancestor?.Parent is not null; ancestor = ancestor.Parent)
        {
            if (alternatives.Count(alternative => IsAncestor(ancestor, alternative)) >= Needed)
            {
                return ancestor;
            }
        }

        return top;
    }

    private static bool IsAncestor(ContentNode ancestor, ContentNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    private static ContentNode ClimbWhileParentScoresBetter(ContentNode top, ContentNode root)
    {
        var lastScore = top.Score;
        var threshold = lastScore / 3;
        for (var parent = top.Parent; parent is not null && !ReferenceEquals(parent, root); parent = parent.Parent)
        {
            if (!parent.IsCandidate)
            {
                continue;
            }

            if (parent.Score < threshold)
            {
                break;
            }

            // Old layouts set the article in one cell of a table row and the page's other columns in the cells beside
            // it; a row whose other cells hold text is the layout, and whatever it scores it owes to those columns.
            if (parent.Tag == "tr" && parent.Children.Count(c => !c.Dropped && c.KeptText > 0) > 1)
            {
                break;
            }

            if (parent.Score > lastScore)
            {
                // A parent whose score comes from other columns (classified ads, link lists beside the article) holds
                // far more links than the article does: it is the page's layout, not the article's.
                if (parent.KeptLinkDensity <= top.KeptLinkDensity + 0.1)
                {
                    top = parent;
                }

                break;
            }

            lastScore = parent.Score;
        }

        // A lone child says nothing its parent does not; the parent may hold the siblings worth joining.
        while (top.Parent is { } onlyParent && !ReferenceEquals(onlyParent, root) && onlyParent.Children.Count(c => !c.Dropped) == 1)
        {
            top = onlyParent;
        }

        // Nor does a child whose siblings are left with no text (an empty advert slot, a box of related links set
        // aside): newspapers split an article around such boxes into wrappers of one section each, and the sections
        // are joined one level up. The wrapper stands for its child, with the child's score.
        if (top.Parent is { } wrapper && !ReferenceEquals(wrapper, root) && wrapper.Children.Count(c => !c.Dropped && c.KeptText > 0) == 1)
        {
            wrapper.Score = Math.Max(wrapper.Score, top.Score);
            top = wrapper;
        }

        return top;
    }

    /// <summary>
    /// Siblings of the winner join it when they score nearly as well, hold a part that does (articles split into
    /// sections around a figure or an advert), or are prose paragraphs.
    /// </summary>
    private static List<ContentNode> JoinSiblings(ContentNode top, double bestScore, ContentTree tree)
    {
        if (top.Parent is not { } parent)
        {
            return [top];
        }

        var threshold = Math.Max(10, top.Score * 0.2);
        var partThreshold = Math.Max(10, bestScore * 0.2);
        var bestInside = BestScoreInside(tree);
        var topClass = top.Element.GetAttribute("class");
        var parts = new List<ContentNode>();
        foreach (var sibling in parent.Children)
        {
            if (ReferenceEquals(sibling, top))
            {
                parts.Add(sibling);
                continue;
            }

            if (sibling.Dropped || sibling.KeptText == 0)
            {
                continue;
            }

            var bonus = !string.IsNullOrEmpty(topClass) && topClass == sibling.Element.GetAttribute("class") ? top.Score * 0.2 : 0;
            if (sibling.IsCandidate && sibling.Score + bonus >= threshold)
            {
                parts.Add(sibling);
            }
            else if (bestInside.GetValueOrDefault(sibling) >= partThreshold && sibling.KeptLinkDensity < 0.3 && 5 * sibling.KeptText >= top.KeptText)
            {
                parts.Add(sibling);
            }
            else if (IsParagraph(sibling) && sibling.KeptLinkDensity < 0.25 && sibling.KeptText > 80)
            {
                parts.Add(sibling);
            }
            else if (IsParagraph(sibling) && sibling.KeptLink == 0 && sibling.KeptText <= 80 && HtmlText.EndsLikeSentence(sibling.Element.TextContent.Trim()))
            {
                parts.Add(sibling);
            }
        }

        return parts;
    }

    private static Dictionary<ContentNode, double> BestScoreInside(ContentTree tree)
    {
        var best = new Dictionary<ContentNode, double>(ReferenceEqualityComparer.Instance);
        for (var i = tree.Nodes.Count - 1; i > 0; i--)
        {
            var node = tree.Nodes[i];
            var score = Math.Max(node.IsCandidate ? node.Score : 0, best.GetValueOrDefault(node));
            if (score > 0 && score > best.GetValueOrDefault(node.Parent!))
            {
                best[node.Parent!] = score;
            }

            if (score > 0)
            {
                best[node] = score;
            }
        }

        return best;
    }
}

/// <summary>Writes the text of chosen elements as blocks, one per paragraph-level element, skipping dropped furniture.</summary>
internal static class BlockWriter
{
    public static List<BodyBlock> Write(ContentTree tree, List<ContentNode> parts, PageBudget? budget = null)
    {
        var writer = new Writer(tree, budget);
        foreach (var part in parts)
        {
            writer.WriteElement(part);
        }

        return writer.Blocks;
    }

    private sealed class Writer(ContentTree tree, PageBudget? budget)
    {
        private readonly System.Text.StringBuilder buffer = new();
        private readonly Stack<string> blockKinds = new();
        private int visible;
        private int linkVisible;
        private int linkDepth;

        public List<BodyBlock> Blocks { get; } = [];

        public void WriteElement(ContentNode part)
        {
            blockKinds.Clear();
            blockKinds.Push(part.IsBlock ? part.Tag : "div");
            var stack = new Stack<(INode Node, bool Exit)>();
            stack.Push((part.Element, false));
            var steps = 0;
            while (stack.Count > 0)
            {
                if (++steps % 4096 == 0)
                {
                    budget?.Check("writing the body");
                }

                var (node, exit) = stack.Pop();
                if (node is IText text)
                {
                    Append(text.Data);
                    continue;
                }

                if (node is not IElement element || tree.NodeOf(element) is not { Dropped: false } content)
                {
                    continue;
                }

                if (content.Tag is "td" or "th")
                {
                    // Cells of a row read as one line, as a browser shows them.
                    buffer.Append(' ');
                    if (exit)
                    {
                        continue;
                    }
                }
                else if (exit)
                {
                    if (content.IsBlock)
                    {
                        Flush();
                        blockKinds.Pop();
                    }
                    else if (content.IsLink)
                    {
                        linkDepth--;
                    }

                    continue;
                }

                if (content.Tag is "td" or "th")
                {
                }
                else if (content.IsBlock)
                {
                    Flush();
                    blockKinds.Push(content.Tag);
                }
                else if (content.IsLink)
                {
                    linkDepth++;
                }

                stack.Push((element, true));
                var children = element.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    stack.Push((children[i], false));
                }
            }

            Flush();
        }

        private void Append(string data)
        {
            buffer.Append(data);
            var count = 0;
            foreach (var c in data)
            {
                if (!HtmlText.IsSpace(c))
                {
                    count++;
                }
            }

            visible += count;
            if (linkDepth > 0)
            {
                linkVisible += count;
            }
        }

        private void Flush()
        {
            if (visible > 0)
            {
                var text = HtmlText.CollapseWhitespace(buffer.ToString());
                if (text.Length > 0)
                {
                    Blocks.Add(new BodyBlock(text, blockKinds.Count > 0 ? blockKinds.Peek() : "div", visible, linkVisible));
                }
            }

            buffer.Clear();
            visible = 0;
            linkVisible = 0;
        }
    }
}
