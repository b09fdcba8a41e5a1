//! RFC 3339 times, as annotations carry them (`2026-11-22T10:00:00.000Z`), and `Stamp`, the
//! compact form an annotation keeps them in.
//!
//! Strings of different precision or offset do not order correctly as text, so merging by
//! `updated_at` compares the instants they name.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A time an annotation carries, as text. Glossa writes its own as `2026-11-22T10:00:00.000Z`
/// (a browser's `toISOString`); such a time is kept as the milliseconds it names, in 16 bytes
/// instead of a text of 24 and the allocation that holds it: for 10,000 annotations, two times
/// each, 0.7 MB of a wasm memory that never shrinks. Any other text, as another tool's file may
/// give, is kept as written, so that every stamp reads back exactly as it was given.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Stamp(Kept);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Kept {
    /// A time whose text is `glossa_form` of these milliseconds.
    Millis(i64),
    Written(Box<str>),
}

impl Stamp {
    pub fn new(text: &str) -> Stamp {
        match parse_millis(text) {
            Some(millis) if glossa_form(millis).as_ref().is_some_and(|form| form.as_slice() == text.as_bytes()) => {
                Stamp(Kept::Millis(millis))
            }
            _ => Stamp(Kept::Written(text.into())),
        }
    }

    /// The instant it names (`parse_millis`).
    pub fn millis(&self) -> Option<i64> {
        match &self.0 {
            Kept::Millis(millis) => Some(*millis),
            Kept::Written(text) => parse_millis(text),
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(&self.0, Kept::Written(text) if text.is_empty())
    }

    /// Lends its text to `then`.
    fn with_text<T>(&self, then: impl FnOnce(&str) -> T) -> T {
        match &self.0 {
            Kept::Millis(millis) => {
                // `new` keeps as milliseconds only what `glossa_form` writes.
                let form = glossa_form(*millis).unwrap_or(*b"0000-00-00T00:00:00.000Z");
                then(std::str::from_utf8(&form).unwrap_or_default())
            }
            Kept::Written(text) => then(text),
        }
    }
}

/// `millis` as Glossa writes a time, or `None` for a year it cannot write in four digits.
fn glossa_form(millis: i64) -> Option<[u8; 24]> {
    let (days, in_day) = (millis.div_euclid(86_400_000), millis.rem_euclid(86_400_000));
    let (year, month, day) = civil_from_days(days);
    if !(0..=9999).contains(&year) {
        return None;
    }
    let mut form = *b"0000-00-00T00:00:00.000Z";
    let mut put = |at: usize, width: usize, mut value: i64| {
        for place in (at..at + width).rev() {
            form[place] = b'0' + (value % 10) as u8;
            value /= 10;
        }
    };
    put(0, 4, year);
    put(5, 2, month);
    put(8, 2, day);
    put(11, 2, in_day / 3_600_000);
    put(14, 2, in_day / 60_000 % 60);
    put(17, 2, in_day / 1000 % 60);
    put(20, 3, in_day % 1000);
    Some(form)
}

impl Default for Stamp {
    fn default() -> Stamp {
        Stamp(Kept::Written(Box::default()))
    }
}

impl From<&str> for Stamp {
    fn from(text: &str) -> Stamp {
        Stamp::new(text)
    }
}

impl From<String> for Stamp {
    fn from(text: String) -> Stamp {
        Stamp::new(&text)
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_text(|text| f.write_str(text))
    }
}

impl fmt::Debug for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_string())
    }
}

impl PartialEq<str> for Stamp {
    fn eq(&self, text: &str) -> bool {
        *self == Stamp::new(text)
    }
}

impl PartialEq<&str> for Stamp {
    fn eq(&self, text: &&str) -> bool {
        *self == **text
    }
}

/// The order of the texts, as the times were ordered when kept as text.
impl Ord for Stamp {
    fn cmp(&self, other: &Stamp) -> Ordering {
        match (&self.0, &other.0) {
            // Glossa's form is of fixed width, so its texts order as the instants.
            (Kept::Millis(a), Kept::Millis(b)) => a.cmp(b),
            _ => self.to_string().cmp(&other.to_string()),
        }
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Stamp) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.with_text(|text| serializer.serialize_str(text))
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Stamp, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Stamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a time as text")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Stamp, E> {
                Ok(Stamp::new(text))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

/// A time as a person reads it in a list, to the minute: `2026-11-22 10:00`.
pub fn short(text: &str) -> String {
    to_the(16, text)
}

/// A time to the second, where times a minute apart must be told apart: `2026-11-22 10:00:07`.
pub fn to_the_second(text: &str) -> String {
    to_the(19, text)
}

fn to_the(length: usize, text: &str) -> String {
    text.replacen('T', " ", 1).chars().take(length).collect()
}

/// Milliseconds since the Unix epoch of an RFC 3339 date-time, or `None` if `text` is not one.
pub fn parse_millis(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = b.get(range)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let at = |i: usize, expected: &[u8]| b.get(i).is_some_and(|c| expected.contains(c));
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    let days_in_month = match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    if day < 1 || day > days_in_month || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut i = 19;
    let mut millis = 0;
    if at(i, b".") {
        let fraction_start = i + 1;
        i = fraction_start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == fraction_start {
            return None;
        }
        let first_three = &text[fraction_start..i.min(fraction_start + 3)];
        millis = format!("{first_three:0<3}").parse::<i64>().ok()?;
    }
    let offset_minutes = match b.get(i..)? {
        b"Z" | b"z" => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (h, m) = (digits(i + 1..i + 3)?, digits(i + 4..i + 6)?);
            if h > 23 || m > 59 {
                return None;
            }
            if *sign == b'+' {
                h * 60 + m
            } else {
                -(h * 60 + m)
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1000 + millis)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date of a count of days since 1970-01-01 (the inverse of
/// `days_from_civil`, Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    (year_of_era + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_time_is_read_to_the_minute() {
        assert_eq!(short("2026-11-22T10:07:59.123Z"), "2026-11-22 10:07");
        assert_eq!(short("2026"), "2026");
        assert_eq!(to_the_second("2026-11-22T10:07:59.123Z"), "2026-11-22 10:07:59");
    }

    #[test]
    fn a_stamp_reads_back_as_it_was_given_and_names_its_instant() {
        for text in [
            "2026-11-22T10:00:00.000Z",
            "1970-01-01T00:00:00.000Z",
            "1969-12-31T23:59:59.999Z",
            "0000-03-01T00:00:00.000Z",
            "9999-12-31T23:59:59.999Z",
            "2000-02-29T12:00:00.123Z",
            "2026-11-22T10:00:00Z",
            "2026-11-22T10:00:00.000+00:00",
            "2026-11-22t10:00:00.000z",
            "2026-12-31T23:59:60.000Z",
            "",
            "t0",
            "yesterday",
        ] {
            let stamp = Stamp::new(text);
            assert_eq!(stamp.to_string(), text);
            assert_eq!(stamp.millis(), parse_millis(text), "{text}");
            assert_eq!(serde_json::to_string(&stamp).unwrap(), serde_json::to_string(text).unwrap());
            assert_eq!(serde_json::from_str::<Stamp>(&serde_json::to_string(text).unwrap()).unwrap(), stamp);
        }
        assert!(matches!(Stamp::new("2026-11-22T10:00:00.000Z").0, Kept::Millis(1_795_341_600_000)), "kept as its instant");
        assert!(matches!(Stamp::new("2026-11-22T10:00:00Z").0, Kept::Written(_)), "another form, kept as written");
        assert!(Stamp::default().is_empty() && !Stamp::new("t0").is_empty());
    }

    /// Property tests run natively (proptest is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        /// Milliseconds from 0000-01-01 to the end of 9999, the years Glossa's form writes.
        const WRITTEN_YEARS: std::ops::Range<i64> = -62_167_219_200_000..253_402_300_800_000;

        proptest! {
            #[test]
            fn stamps_order_as_their_texts(a in WRITTEN_YEARS, b in WRITTEN_YEARS, other in "[0-9TZ:.-]{0,25}") {
                let text = |millis: i64| String::from_utf8(glossa_form(millis).unwrap().to_vec()).unwrap();
                let (ta, tb) = (text(a), text(b));
                prop_assert_eq!(parse_millis(&ta), Some(a));
                prop_assert_eq!(Stamp::new(&ta).millis(), Some(a));
                prop_assert_eq!(Stamp::new(&ta).cmp(&Stamp::new(&tb)), ta.cmp(&tb));
                prop_assert_eq!(Stamp::new(&ta).cmp(&Stamp::new(&other)), ta.as_str().cmp(other.as_str()));
                prop_assert_eq!(Stamp::new(&other).to_string(), other);
            }
        }
    }

    #[test]
    fn parses_utc_times_with_and_without_fractions() {
        assert_eq!(parse_millis("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_millis("1970-01-01T00:00:01.5Z"), Some(1500));
        assert_eq!(parse_millis("2026-11-22T10:00:00Z"), Some(1_795_341_600_000));
        assert_eq!(parse_millis("2026-11-22T10:00:00.000Z"), parse_millis("2026-11-22T10:00:00Z"));
        assert_eq!(parse_millis("2000-02-29T12:00:00.123456Z"), Some(951_825_600_123));
    }

    #[test]
    fn applies_offsets() {
        assert_eq!(parse_millis("2026-11-22T12:00:00+02:00"), parse_millis("2026-11-22T10:00:00Z"));
        assert_eq!(parse_millis("2026-11-22T05:30:00-04:30"), parse_millis("2026-11-22T10:00:00Z"));
    }

    #[test]
    fn refuses_what_is_not_a_time() {
        for bad in [
            "",
            "yesterday",
            "2026-11-22",
            "2026-11-22T10:00:00",
            "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-11-22T24:00:00Z",
            "2026-11-22T10:00:00.Z",
            "2026-11-22T10:00:00+2:00",
            "2026-11-22T10:00:00Zjunk",
            "２026-11-22T10:00:00Z",
        ] {
            assert_eq!(parse_millis(bad), None, "{bad}");
        }
    }
}
