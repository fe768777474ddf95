//! The rollout status report as plain text in Russian.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::activation::{BandStatus, Checkpoint, EligibilityPolicy};
use crate::rollout::ResponsibleRole;
use crate::rollout::RolloutReport;

pub(super) fn band_ru(status: Option<BandStatus>) -> &'static str {
    match status {
        Some(BandStatus::Below) => "ниже цели",
        Some(BandStatus::OnTarget) => "в пределах цели",
        Some(BandStatus::Above) => "выше цели",
        None => "нет данных",
    }
}

pub(super) fn share_text(share: Option<Decimal>) -> String {
    share.map_or_else(|| "—".to_owned(), |s| format!("{s}%"))
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
                band_ru(c.current_status)
            )?;
        }
        if let Some(cp) = &self.next_checkpoint {
            writeln!(
                out,
                "  следующая цель {}: сейчас {}",
                checkpoint_ru(cp),
                band_ru(c.next_status)
            )?;
        }
        for o in &self.checkpoint_outcomes {
            writeln!(
                out,
                "  на {}: {} из {} — {} ({})",
                checkpoint_ru(&o.checkpoint),
                o.count.activated(),
                o.count.eligible(),
                share_text(o.share),
                band_ru(o.status)
            )?;
        }
        if let Some(p) = &self.projection {
            writeln!(
                out,
                "  линейный прогноз (темп {}–{}: {} в день) на {}: {}% — {}",
                date_ru(p.basis_from),
                date_ru(p.basis_to),
                p.per_day,
                checkpoint_ru(&p.checkpoint),
                p.projected_share,
                band_ru(Some(p.status))
            )?;
        }
        writeln!(out)?;
        let cur = self
            .current_checkpoint
            .as_ref()
            .map_or("—".to_owned(), checkpoint_ru);
        let next = self
            .next_checkpoint
            .as_ref()
            .map_or("—".to_owned(), checkpoint_ru);
        let mut row =
            |name: &str, eligible: String, activated: String, share: String, a: &str, b: &str| {
                let line = format!("{name:<6}{eligible:>8}{activated:>8}{share:>10}  {a:<26}{b}");
                writeln!(out, "{}", line.trim_end())
            };
        row(
            "Класс",
            "Родит.".into(),
            "Актив.".into(),
            "Доля".into(),
            &format!("Цель {cur}"),
            &format!("Цель {next}"),
        )?;
        for r in &self.classes {
            row(
                &r.name,
                r.count.eligible().to_string(),
                r.count.activated().to_string(),
                share_text(r.share),
                band_ru(r.current_status),
                band_ru(r.next_status),
            )?;
        }
        row(
            "Школа",
            c.count.eligible().to_string(),
            c.count.activated().to_string(),
            share_text(c.share),
            band_ru(c.current_status),
            band_ru(c.next_status),
        )?;
        Ok(())
    }
}
