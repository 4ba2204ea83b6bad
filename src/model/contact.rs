//! The contact fields of partners and people: an e-mail address and a phone number, checked
//! here and turned into `mailto:` and `tel:` addresses for the pages.

/// Whether `v` is an e-mail address a reader's mail program can use: one `@`, a name before
/// it, a host with a dot after it, no spaces and nothing that would break a `mailto:` link.
pub fn is_email(v: &str) -> bool {
    let Some((name, host)) = v.split_once('@') else {
        return false;
    };
    let fine = |c: char| !c.is_whitespace() && !c.is_control() && !"<>()[],;:\"\\@?&#/".contains(c);
    !name.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains("..")
        && name.chars().all(fine)
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
}

/// The `tel:` address of a phone number as people write it in Israel (`03-1234567`,
/// `+972-3-123-4567`, `*2345`, `1-800-123-456`): its digits, with a leading `+` or `*` kept.
/// `None` when it is not a phone number: letters, too few digits, or a `+` or `*` inside.
pub fn tel_uri(v: &str) -> Option<String> {
    let v = v.trim();
    let (lead, rest) = match v.chars().next()? {
        c @ ('+' | '*') => (Some(c), &v[1..]),
        _ => (None, v),
    };
    let mut digits = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' | '\u{2011}' => {}
            _ => return None,
        }
    }
    let enough = match lead {
        // A star number is four digits; any other number at least seven (a local number
        // with its area code is nine or ten).
        Some('*') => (3..=5).contains(&digits.len()),
        _ => (7..=15).contains(&digits.len()),
    };
    enough.then(|| format!("tel:{}{digits}", lead.map(String::from).unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_as_written_in_israel() {
        for (written, tel) in [
            ("03-1234567", "tel:031234567"),
            ("+972-3-123-4567", "tel:+97231234567"),
            ("+972 (3) 123 4567", "tel:+97231234567"),
            ("*2345", "tel:*2345"),
            ("1-800-123-456", "tel:1800123456"),
            ("050-123-4567", "tel:0501234567"),
        ] {
            assert_eq!(tel_uri(written).as_deref(), Some(tel), "{written}");
        }
        for wrong in [
            "",
            "phone",
            "03-12",
            "12345",
            "+972-3-123-4567 ext 5",
            "03*1234567",
            "**2345",
            "javascript:1234567",
        ] {
            assert_eq!(tel_uri(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn email_addresses() {
        for ok in [
            "info@example.org",
            "a.b+c@mail.example.co.il",
            "ציפי@example.org",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for wrong in [
            "",
            "info",
            "info@",
            "@example.org",
            "info@example",
            "a b@example.org",
            "a@b@c.org",
            "info@example..org",
            "mailto:info@example.org",
            "info@example.org?subject=x",
        ] {
            assert!(!is_email(wrong), "{wrong}");
        }
    }
}
