using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace GreenPolicy.Web.Components.Shared;

/// <summary>A real h2…h6 for a structure unit at any depth (三、 → h2, （二） → h3 …), carrying the unit's anchor.</summary>
public sealed class UnitHeading : ComponentBase
{
    [Parameter, EditorRequired] public int Level { get; set; }
    [Parameter, EditorRequired] public string Id { get; set; } = "";
    [Parameter, EditorRequired] public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, $"h{Math.Clamp(Level, 2, 6)}");
        builder.AddAttribute(1, "id", Id);
        builder.AddAttribute(2, "class", "unit-heading");
        builder.AddContent(3, Text);
        builder.CloseElement();
    }
}
