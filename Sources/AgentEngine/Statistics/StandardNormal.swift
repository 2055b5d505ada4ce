/// The standard normal distribution's two-sided 95 % critical value,
/// z_{0.975} = Φ⁻¹(0.975) = 1.959963984540054 (SciPy's
/// `norm.ppf(0.975)`, the z of SALib's confidence intervals): the one
/// normal quantile the tool uses, so it is a constant, not a computation.
public enum StandardNormal {
    public static let critical95 = 1.959963984540054
}
