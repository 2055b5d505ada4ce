/// Series colours that stay distinct for readers with any common colour
/// vision deficiency: Okabe & Ito's palette (2008), yellow last (it is
/// faint on white), then the same colours again with a dash pattern.
public enum Palette {
    public static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// The colour of series `index`.
    public static func colour(_ index: Int) -> String {
        colours[((index % colours.count) + colours.count) % colours.count]
    }

    /// The dash pattern of series `index` (nil: a solid line): solid for
    /// the first round of colours, then dashed, then dotted.
    public static func dash(_ index: Int) -> String? {
        switch (Swift.max(index, 0) / colours.count) % 3 {
        case 0: return nil
        case 1: return "6 3"
        default: return "2 3"
        }
    }
}
