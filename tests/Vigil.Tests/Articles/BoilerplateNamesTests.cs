using Vigil.Articles;

namespace Vigil.Tests.Articles;

public sealed class BoilerplateNamesTests
{
    [Theory]
    [InlineData("post-body entry-content", 1)]
    [InlineData("share-bar", -1)]
    [InlineData("widget widget_text", 0)]
    [InlineData("widget Blog", 0)]
    [InlineData("sidebar-widget", -1)]
    [InlineData("text-3", 1)]
    public void AContentWordBesideWidgetNamesALayoutBox(string name, int expected) =>
        Assert.Equal(expected, BoilerplateNames.Classify(name));

    [Theory]
    [InlineData("entry-author-jane_doe", 0)]
    [InlineData("post-category-politics", 0)]
    [InlineData("authorsure-author-box", -1)]
    [InlineData("post-author-bio", -1)]
    public void AnItemsFieldAndValueAreTaxonomyButAPluginsAuthorBoxIsFurniture(string name, int expected) =>
        Assert.Equal(expected, BoilerplateNames.Classify(name));

    [Theory]
    [InlineData("noprint", -1)]
    [InlineData("no-print", -1)]
    [InlineData("hidden-print", -1)]
    [InlineData("no-sidebar", 0)]
    public void WhatIsLeftOutOfPrintIsFurniture(string name, int expected) =>
        Assert.Equal(expected, BoilerplateNames.Classify(name));
    [Theory]
    [InlineData("comment-body", true)]
    [InlineData("commentlist", true)]
    [InlineData("disqus_thread", true)]
    [InlineData("post hentry commented", false)]
    [InlineData("commentary-column", false)]
    [InlineData("entry-content", false)]
    public void NamesACommentSection(string name, bool expected) =>
        Assert.Equal(expected, BoilerplateNames.NamesComments(name));
}
