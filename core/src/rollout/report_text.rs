//! The rollout status report as plain text in Russian.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::activation::{BandStatus, Checkpoint, EligibilityPolicy};
use crate::rollout::ResponsibleRole;
use crate::rollout::RolloutReport;
use crate::rollout::TargetLine;

pub(super) fn band_ru(status: Option<BandStatus>) -> &'static str {
    match status {
        Some(BandStatus::Below) => "ниже цели",
        Some(BandStatus::OnTarget) => "в пределах цели",
        Some(BandStatus::Above) => "выше цели",
        None => "нет данных",
    }
}

/// A decimal as Russian text writes it: `40,50`.
pub(super) fn decimal_ru(d: Decimal) -> String {
    d.to_string().replace('.', ",")
}

pub(super) fn share_text(share: Option<Decimal>) -> String {
    share.map_or_else(|| "—".to_owned(), |s| format!("{}%", decimal_ru(s)))
}

/// The band status, with how far below the band a share is:
/// «ниже цели на 0,50 п.п.».
pub(super) fn band_gap_ru(status: Option<BandStatus>, gap: Option<Decimal>) -> String {
    match (status, gap) {
        (Some(BandStatus::Below), Some(gap)) => format!("ниже цели на {} п.п.", decimal_ru(gap)),
        _ => band_ru(status).to_owned(),
    }
}

pub(super) fn date_ru(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

pub(super) fn checkpoint_ru(c: &Checkpoint) -> String {
    format!("{} {}", date_ru(c.date), c.band)
}

pub(super) fn policy_ru(policy: EligibilityPolicy) -> &'static str {
    match policy {
        EligibilityPolicy::WithAccess => "родители, имеющие возможность воспользоваться услугой",
        EligibilityPolicy::AllParents => "все родители",
        EligibilityPolicy::Applicants => "родители, подавшие заявление",
        EligibilityPolicy::ApprovedApplicants => "родители с одобренным заявлением",
    }
}

pub(super) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

impl RolloutReport {
    /// The report as plain text in Russian.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_text(&mut out);
        out
    }

    fn write_text(&self, out: &mut String) -> std::fmt::Result {
        writeln!(
            out,
            "Ход внедрения электронного журнала и дневников на {}",
            date_ru(self.date)
        )?;
        writeln!(out, "{}", self.school)?;
        writeln!(out, "{}", self.plan_title)?;
        writeln!(out)?;
        writeln!(
            out,
            "Текущий этап: {}",
            self.current_stage.as_deref().unwrap_or("—")
        )?;
        for s in &self.stages {
            let start = s
                .starts_on
                .map(|d| format!(" (с {})", date_ru(d)))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}{start} — {}: выполнено {} из {}, в работе {}, срок скоро {}, просрочено {}",
                s.heading, s.status, s.done, s.total, s.in_progress, s.due_soon, s.overdue
            )?;
        }
        if !self.targets.is_empty() {
            writeln!(out, "Цели активации по плану (доля на день цели):")?;
        }
        for t in &self.targets {
            writeln!(out, "  {}", target_ru(t, self.date))?;
        }
        for (title, lines) in [
            ("Просроченные задачи".to_owned(), &self.overdue),
            (
                format!("Срок в ближайшие {} дн.", self.due_soon_days),
                &self.due_soon,
            ),
        ] {
            if lines.is_empty() {
                writeln!(out, "{title}: нет")?;
            } else {
                writeln!(out, "{title}:")?;
            }
            for t in lines {
                let who = t
                    .responsible
                    .map_or("ответственный не назначен", ResponsibleRole::label_ru);
                writeln!(
                    out,
                    "  [{}] {} — {} ({who})",
                    t.stage.as_deref().unwrap_or("—"),
                    t.deadline,
                    shorten(&t.text, 90)
                )?;
            }
        }
        let a = &self.applications;
        writeln!(out)?;
        writeln!(
            out,
            "Заявления: подано {}, зарегистрировано {}, одобрено {}, отклонено {}, выданы логины и пароли {}, активировано {}, согласие отозвано {}",
            a.submitted,
            a.registered,
            a.approved,
            a.rejected,
            a.credentials_issued,
            a.activated,
            a.revoked
        )?;
        writeln!(
            out,
            "  ожидают регистрации {}, решения {}, выдачи логина и пароля {}, первого входа {}",
            a.waiting_registration, a.waiting_decision, a.waiting_credentials, a.waiting_activation
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "Активация родителей (в знаменателе: {})",
            policy_ru(self.policy)
        )?;
        let c = &self.activation;
        writeln!(
            out,
            "  по школе: {} из {} — {}",
            c.count.activated(),
            c.count.eligible(),
            share_text(c.share)
        )?;
        if let Some(cp) = &self.current_checkpoint {
            writeln!(
                out,
                "  текущая цель {}: {}",
                checkpoint_ru(cp),
                band_gap_ru(c.current_status, self.current_gap)
            )?;
        }
        if let Some(cp) = &self.next_checkpoint {
            writeln!(
                out,
                "  следующая цель {}: сейчас {}",
                checkpoint_ru(cp),
                band_gap_ru(c.next_status, self.next_gap)
            )?;
        }
        if let Some(p) = &self.projection {
            writeln!(
                out,
                "  линейный прогноз (темп {}–{}: {} в день) на {}: {}% — {}",
                date_ru(p.basis_from),
                date_ru(p.basis_to),
                decimal_ru(p.per_day),
                checkpoint_ru(&p.checkpoint),
                decimal_ru(p.projected_share),
                band_ru(Some(p.status))
            )?;
        }
        writeln!(out)?;
        // A target column only for a checkpoint there is: none before the
        // first one, no next one after the last.
        let columns: Vec<String> = [&self.current_checkpoint, &self.next_checkpoint]
            .into_iter()
            .flatten()
            .map(|cp| format!("Цель {}", checkpoint_ru(cp)))
            .collect();
        let statuses = |current: Option<BandStatus>, next: Option<BandStatus>| {
            [
                self.current_checkpoint.map(|_| band_ru(current)),
                self.next_checkpoint.map(|_| band_ru(next)),
            ]
            .into_iter()
            .flatten()
            .map(str::to_owned)
            .collect::<Vec<String>>()
        };
        let mut row = |name: &str,
                       eligible: String,
                       activated: String,
                       share: String,
                       targets: Vec<String>| {
            let mut line = format!("{name:<6}{eligible:>8}{activated:>8}{share:>10}");
            for t in targets {
                write!(line, "  {t:<26}")?;
            }
            writeln!(out, "{}", line.trim_end())
        };
        row(
            "Класс",
            "Родит.".into(),
            "Актив.".into(),
            "Доля".into(),
            columns,
        )?;
        for r in &self.classes {
            row(
                &r.name,
                r.count.eligible().to_string(),
                r.count.activated().to_string(),
                share_text(r.share),
                statuses(r.current_status, r.next_status),
            )?;
        }
        row(
            "Школа",
            c.count.eligible().to_string(),
            c.count.activated().to_string(),
            share_text(c.share),
            statuses(c.current_status, c.next_status),
        )?;
        Ok(())
    }
}

/// `до 01.11.2014 41–60%: 40,50% (81 из 200) — просрочено, ниже цели на
/// 0,50 п.п.`, or `…: срок не наступил — в работе` before its day (on
/// `date`).
pub(super) fn target_ru(t: &TargetLine, date: NaiveDate) -> String {
    let head = format!("до {} {}", date_ru(t.checkpoint.date), t.checkpoint.band);
    match &t.outcome {
        None if t.checkpoint.date > date => {
            format!("{head}: срок не наступил — {}", t.status)
        }
        None => format!("{head}: не измерено — {}", t.status),
        Some(o) => {
            let detail = match o.status {
                Some(BandStatus::OnTarget) => String::new(),
                status => format!(", {}", band_gap_ru(status, t.gap)),
            };
            format!(
                "{head}: {} ({} из {}) — {}{detail}",
                share_text(o.share),
                o.count.activated(),
                o.count.eligible(),
                t.status
            )
        }
    }
}
