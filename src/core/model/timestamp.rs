//! RFC 3339 times, as annotations carry them (`2026-11-22T10:00:00.000Z`).
//!
//! Strings of different precision or offset do not order correctly as text, so merging by
//! `updated_at` compares the instants they name.

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
