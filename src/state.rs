//! The widget's state: the visitor's answers, the undo history, the language, the notice
//! about a share link and whether the visitor asked this device to remember the answers. A plain reducer: no engine logic, no yew, no JavaScript, so it is tested
//! natively (`cargo test`).
//!
//! Architecture Invariant: answers to questions that stop applying stay here; the engine
//! decides what counts. Every change of the answers can be undone.
use std::rc::Rc;

use engine::fragment::Dropped;
use engine::{Answer, Answers, Lang};

/// How many answer changes undo remembers.
pub const MAX_UNDO: usize = 50;

/// What the share link held that was not used, shown once as a notice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkNotice {
    /// At most `engine::fragment::MAX_DROPPED` items, as plain text.
    pub items: Vec<Dropped>,
    /// How many items were dropped in all.
    pub count: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub answers: Answers,
    pub lang: Lang,
    /// Earlier answers, newest last.
    pub history: Vec<Answers>,
    pub notice: Option<Rc<LinkNotice>>,
    /// The visitor asked to remember the answers on this device (only offered where the host
    /// allows it, see `AppProps::resume`).
    pub remember: bool,
    /// The visitor asked for a link with the answers: the address holds them from now on
    /// (only offered where the host allows it, see `AppProps::share`).
    pub sharing: bool,
    /// The address holds answers this widget did not write: the page was opened with a share
    /// link (or one was pasted). "Forget" is offered, to take them out of the address.
    pub linked: bool,
    /// Counts "forget" and "clear all answers": each takes the answers out of the address.
    pub cleared: u32,
}

/// Everything that changes the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Answers one question (`None` takes the answer back).
    Set {
        question: String,
        answer: Option<Answer>,
    },
    /// Merges several answers at once: a what-if or a measure.
    Merge(Answers),
    /// Goes back to the answers before the last change.
    Undo,
    /// Clears all answers (undoable).
    Reset,
    SetLang(Lang),
    /// Replaces the answers, e.g. from a share link, with what the link held that was not used.
    Load {
        answers: Answers,
        notice: Option<Rc<LinkNotice>>,
    },
    DismissNotice,
    /// Remember the answers on this device, or stop (the app forgets what it stored).
    Remember(bool),
    /// The visitor asks for a link with the answers (the address keeps them from now on).
    Share,
    /// Forget: stop remembering and sharing; the address and this device lose the answers
    /// (those on the screen stay).
    Forget,
    /// The address now holds a share link from outside (a link pasted into the address bar),
    /// or no longer does.
    Linked(bool),
}

impl State {
    pub fn new(lang: Lang, answers: Answers, notice: Option<Rc<LinkNotice>>) -> State {
        State { answers, lang, history: Vec::new(), notice, remember: false, sharing: false, linked: false, cleared: 0 }
    }

    pub fn can_undo(&self) -> bool {
        !self.history.is_empty()
    }

    /// The state after an action. Changes that change nothing leave the history alone.
    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::Set { question, answer } => {
                let mut answers = self.answers.clone();
                match answer {
                    Some(a) => answers.insert(question, a),
                    None => answers.remove(&question),
                };
                next.change_answers(answers);
            }
            Action::Merge(changes) => {
                let mut answers = self.answers.clone();
                answers.extend(changes);
                next.change_answers(answers);
            }
            Action::Undo => {
                if let Some(previous) = next.history.pop() {
                    next.answers = previous;
                }
            }
            Action::Reset => {
                next.change_answers(Answers::new());
                next.sharing = false;
                next.linked = false;
                next.cleared += 1;
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::Load { answers, notice } => {
                next.answers = answers;
                next.history.clear();
                next.notice = notice;
            }
            Action::DismissNotice => next.notice = None,
            Action::Remember(on) => next.remember = on,
            Action::Share => next.sharing = true,
            Action::Forget => {
                next.remember = false;
                next.sharing = false;
                next.linked = false;
                next.cleared += 1;
            }
            Action::Linked(on) => next.linked = on,
        }
        next
    }

    fn change_answers(&mut self, answers: Answers) {
        if answers == self.answers {
            return;
        }
        let previous = std::mem::replace(&mut self.answers, answers);
        self.history.push(previous);
        if self.history.len() > MAX_UNDO {
            self.history.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Option<Answer> {
        Some(Answer::One(s.into()))
    }

    fn set(q: &str, a: Option<Answer>) -> Action {
        Action::Set { question: q.into(), answer: a }
    }

    #[test]
    fn answers_change_and_undo_goes_back_step_by_step() {
        let s0 = State::default();
        let s1 = s0.reduce(set("sector", one("trade")));
        let s2 = s1.reduce(set("messenger", one("whatsapp")));
        assert_eq!(s2.answers.len(), 2);
        assert!(s2.can_undo());
        let back = s2.reduce(Action::Undo);
        assert_eq!(back.answers, s1.answers);
        let back = back.reduce(Action::Undo);
        assert_eq!(back.answers, s0.answers);
        assert!(!back.can_undo());
        // Undo with nothing to undo changes nothing.
        assert_eq!(back.reduce(Action::Undo), back);
    }

    #[test]
    fn a_merge_is_one_undo_step() {
        let s1 = State::default().reduce(set("sector", one("trade"))).reduce(set("consent", one("none")));
        let mut changes = Answers::new();
        changes.insert("consent".into(), Answer::One("documented".into()));
        changes.insert("device".into(), Answer::One("company_business_only".into()));
        let s2 = s1.reduce(Action::Merge(changes));
        assert_eq!(s2.answers["consent"], Answer::One("documented".into()));
        assert_eq!(s2.answers.len(), 3);
        assert_eq!(s2.reduce(Action::Undo).answers, s1.answers);
    }

    #[test]
    fn a_change_that_changes_nothing_is_not_remembered() {
        let s1 = State::default().reduce(set("sector", one("trade")));
        let s2 = s1.reduce(set("sector", one("trade")));
        assert_eq!(s2.history.len(), 1);
        let s3 = s2.reduce(set("broadcast", None));
        assert_eq!(s3.history.len(), 1);
    }

    #[test]
    fn taking_an_answer_back_and_reset_are_undoable() {
        let s1 = State::default().reduce(set("sector", one("trade")));
        let s2 = s1.reduce(set("sector", None));
        assert!(s2.answers.is_empty());
        assert_eq!(s2.reduce(Action::Undo).answers, s1.answers);
        let s3 = s1.reduce(Action::Reset);
        assert!(s3.answers.is_empty());
        assert_eq!(s3.reduce(Action::Undo).answers, s1.answers);
    }

    #[test]
    fn history_is_bounded() {
        let mut s = State::default();
        for i in 0..(MAX_UNDO + 10) {
            let a = if i % 2 == 0 { "trade" } else { "health" };
            s = s.reduce(set("sector", one(a)));
        }
        assert_eq!(s.history.len(), MAX_UNDO);
    }

    #[test]
    fn language_and_notice_do_not_touch_the_answers() {
        let notice = Rc::new(LinkNotice { items: Vec::new(), count: 2 });
        let mut answers = Answers::new();
        answers.insert("sector".into(), Answer::One("health".into()));
        let s = State::default().reduce(set("messenger", one("signal")));
        let s = s.reduce(Action::Load { answers: answers.clone(), notice: Some(notice) });
        assert_eq!(s.answers, answers);
        assert!(!s.can_undo(), "a loaded link starts a new history");
        let s = s.reduce(Action::SetLang(Lang::En)).reduce(Action::DismissNotice).reduce(Action::Remember(true));
        assert_eq!(s.lang, Lang::En);
        assert!(s.notice.is_none());
        assert!(s.remember);
        assert_eq!(s.answers, answers);
        assert!(!s.can_undo(), "remembering is not an answer to undo");
    }

    #[test]
    fn sharing_is_asked_for_and_forget_and_reset_end_it() {
        let s = State::default().reduce(set("sector", one("trade")));
        assert!(!s.sharing, "answering shares nothing");
        let shared = s.reduce(Action::Share);
        assert!(shared.sharing);
        let forgot = shared.reduce(Action::Remember(true)).reduce(Action::Forget);
        assert!(!forgot.sharing && !forgot.remember);
        assert_eq!(forgot.cleared, shared.cleared + 1, "forget takes the answers out of the address");
        assert_eq!(forgot.answers, s.answers, "the answers on the screen stay");
        let reset = shared.reduce(Action::Reset);
        assert!(!reset.sharing && reset.answers.is_empty());
        assert_eq!(reset.cleared, shared.cleared + 1);
        // Undo brings the answers back, not the shared address.
        assert!(!reset.reduce(Action::Undo).sharing);
    }

    #[test]
    fn a_page_opened_with_a_link_offers_forget_which_takes_the_link_out() {
        let opened = State { linked: true, ..State::default() }.reduce(set("sector", one("trade")));
        assert!(opened.linked, "answering keeps the link as it was sent");
        let forgot = opened.reduce(Action::Forget);
        assert!(!forgot.linked);
        assert_eq!(forgot.cleared, opened.cleared + 1, "forget takes the link out of the address");
        let reset = opened.reduce(Action::Reset);
        assert!(!reset.linked && reset.cleared == opened.cleared + 1);
        assert!(!reset.reduce(Action::Undo).linked, "undo brings the answers back, not the link");
    }
}
