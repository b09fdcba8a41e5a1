//! Measures, leaves of the core that depend on nothing in it but text: matching one set of spans
//! against another (precision, recall, F1 under nervaluate's schemes), and one set of links
//! against another; agreement between
//! annotators (Cohen's κ, Krippendorff's α) and Mathet's γ. Each is checked against its reference
//! implementation on fixtures made by a committed generator script.

pub mod matching;
pub mod gamma;
pub mod agreement;
pub mod links;

/// `value` written with `places` decimals as a person reads it: never a negative zero ("-0.00"
/// read as disagreement that is not there; a value that small is zero at the precision shown).
pub fn fixed(value: f64, places: usize) -> String {
    let written = format!("{value:.places$}");
    match written.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_owned(),
        _ => written,
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn no_figure_is_a_negative_zero() {
        assert_eq!(fixed(-0.0, 2), "0.00");
        assert_eq!(fixed(-0.004, 2), "0.00");
        assert_eq!(fixed(-0.005_1, 2), "-0.01");
        assert_eq!(fixed(0.666_666, 2), "0.67");
        assert_eq!(fixed(-0.000_000_1, 6), "0.000000");
        assert_eq!(fixed(1.0, 0), "1");
    }
}
