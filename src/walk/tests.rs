use super::*;

const SMALL: &str = r#"
id: small
name: Small
version: "1"
levels:
  - { id: one, name: One }
  - { id: two, name: Two }
  - { id: three, name: Three }
competencies:
  - id: craft
    name: Craft
    levels:
      - level: one
        title: Starts
        indicators: [{ id: a1, text: A one }, { id: a2, text: A two }]
      - level: two
        indicators: [{ id: b1, text: B one }, { id: b2, text: B two }]
      - level: three
        indicators: [{ id: c1, text: C one }]
  - id: care
    name: Care
    levels:
      - level: one
        indicators: [{ id: d1, text: D one }]
"#;

fn small() -> Framework {
    crate::test_support::framework("small.yaml", SMALL)
}

fn keys(text: &str) -> Vec<Key> {
    text.chars()
        .map(|c| match c {
            '\n' => Key::Enter,
            '<' => Key::Left,
            '>' => Key::Right,
            '\u{8}' => Key::Backspace,
            c => Key::Char(c),
        })
        .collect()
}

fn press(walk: &mut Walk, text: &str) -> Vec<Step> {
    keys(text).into_iter().map(|k| walk.handle(k)).collect()
}

fn on_screen(walk: &Walk) -> String {
    match walk.screen() {
        Screen::Question(q) => q.indicator.id.clone(),
        Screen::Opening(_) => "opening".into(),
        Screen::Review(_) => "review".into(),
        Screen::Done => "done".into(),
    }
}

fn value(walk: &Walk, id: &str) -> Option<String> {
    walk.ratings().get(id).map(|r| r.value.to_string())
}

#[test]
fn opens_then_rates_one_key_each_and_finishes() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), false);
    assert_eq!(on_screen(&walk), "opening");
    assert_eq!(press(&mut walk, "\n"), vec![Step::Redraw]);
    assert_eq!(on_screen(&walk), "a1");
    let steps = press(&mut walk, "3412n4");
    assert_eq!(
        steps,
        vec![
            Step::Answered,
            Step::Answered,
            Step::Answered,
            Step::Answered,
            Step::Answered,
            Step::Answered
        ]
    );
    assert_eq!(value(&walk, "a1").as_deref(), Some("3"));
    assert_eq!(value(&walk, "c1").as_deref(), Some("na"));
    assert_eq!(value(&walk, "d1").as_deref(), Some("4"));
    assert!(walk.is_complete());
    match walk.screen() {
        Screen::Review(r) => {
            assert_eq!((r.total, r.not_applicable, r.skipped), (6, 1, 0));
            assert_eq!(r.ratings.len(), 6);
        }
        other => panic!("the walk ends on the review screen: {other:?}"),
    }
    assert_eq!(press(&mut walk, "\n"), vec![Step::Finished]);
    assert_eq!(walk.screen(), Screen::Done);
}

#[test]
fn the_review_goes_back_to_the_last_indicator_and_returns() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\n333333");
    assert_eq!(on_screen(&walk), "review");
    press(&mut walk, "<");
    assert_eq!(on_screen(&walk), "d1");
    press(&mut walk, "<");
    assert_eq!(on_screen(&walk), "c1");
    assert_eq!(press(&mut walk, "1"), vec![Step::Answered]);
    assert_eq!(value(&walk, "c1").as_deref(), Some("1"));
    assert_eq!(on_screen(&walk), "d1", "walking on from a changed answer");
    press(&mut walk, "\n");
    assert_eq!(on_screen(&walk), "review");
}

#[test]
fn a_number_on_the_review_jumps_to_that_indicator_and_back_to_the_review() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\n333333");
    assert_eq!(press(&mut walk, "2"), vec![Step::Redraw]);
    assert_eq!(
        on_screen(&walk),
        "a2",
        "6 indicators: 2 cannot start a longer number"
    );
    assert_eq!(press(&mut walk, "4"), vec![Step::Answered]);
    assert_eq!(value(&walk, "a2").as_deref(), Some("4"));
    assert_eq!(
        on_screen(&walk),
        "review",
        "the change made, back to the review"
    );
    press(&mut walk, "5\n");
    assert_eq!(on_screen(&walk), "review", "Enter keeps c1 and returns");
    press(&mut walk, "9");
    match walk.screen() {
        Screen::Review(r) => {
            assert_eq!(r.notice, Some(&Notice::NoSuchIndicator("9".into())));
            assert_eq!(r.typed, "");
        }
        other => panic!("{other:?}"),
    }
    press(&mut walk, "x");
    assert!(matches!(walk.screen(), Screen::Review(r) if r.notice == Some(&Notice::ReviewKeys)));
    assert_eq!(press(&mut walk, "q"), vec![Step::Quit]);
}

#[test]
fn on_a_long_review_a_number_that_may_grow_waits_for_enter() {
    let yaml = (1..=12)
        .map(|n| format!("{{ id: i{n}, text: I{n} }}"))
        .collect::<Vec<_>>()
        .join(", ");
    let yaml = format!(
        "id: long\nname: Long\nversion: \"1\"\nlevels: [{{ id: one, name: One }}]\n\
         competencies: [{{ id: c, name: C, levels: [{{ level: one, indicators: [{yaml}] }}] }}]\n"
    );
    let f = crate::test_support::framework("long.yaml", &yaml);
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\n333333333333");
    assert_eq!(on_screen(&walk), "review");
    press(&mut walk, "1");
    assert!(matches!(walk.screen(), Screen::Review(r) if r.typed == "1"));
    press(&mut walk, "2");
    assert_eq!(on_screen(&walk), "i12");
    press(&mut walk, "\n1\n");
    assert_eq!(on_screen(&walk), "i1");
}

#[test]
fn zero_is_not_applicable_and_off_scale_digits_are_refused() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\n7");
    assert_eq!(on_screen(&walk), "a1");
    match walk.screen() {
        Screen::Question(q) => assert_eq!(q.notice, Some(&Notice::NotOnScale("7".into()))),
        other => panic!("{other:?}"),
    }
    assert!(walk.ratings().is_empty());
    press(&mut walk, "0");
    assert_eq!(value(&walk, "a1").as_deref(), Some("na"));
}

#[test]
fn going_back_shows_the_rating_and_changes_it() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\n34");
    assert_eq!(on_screen(&walk), "b1");
    press(&mut walk, "\u{8}");
    assert_eq!(on_screen(&walk), "a2");
    match walk.screen() {
        Screen::Question(q) => {
            assert_eq!(q.rating.map(|r| r.value), Some(RatingValue::Scale(4)));
            assert_eq!((q.number, q.total), (2, 6));
        }
        other => panic!("{other:?}"),
    }
    press(&mut walk, "<");
    assert_eq!(on_screen(&walk), "a1");
    assert_eq!(press(&mut walk, "<"), vec![Step::Redraw]);
    assert_eq!(on_screen(&walk), "a1");
    press(&mut walk, "1");
    assert_eq!(value(&walk, "a1").as_deref(), Some("1"));
    assert_eq!(
        on_screen(&walk),
        "a2",
        "moves on to the next, already rated"
    );
    assert_eq!(press(&mut walk, "\n"), vec![Step::Redraw], "Enter keeps it");
    assert_eq!(on_screen(&walk), "b1");
    assert_eq!(value(&walk, "a2").as_deref(), Some("4"));
}

#[test]
fn enter_on_an_unrated_indicator_asks_for_a_rating() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\n\n>");
    assert_eq!(on_screen(&walk), "a1");
    match walk.screen() {
        Screen::Question(q) => assert_eq!(q.notice, Some(&Notice::RateFirst)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_note_on_a_rated_indicator_is_saved_at_once() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\n3<");
    assert_eq!(press(&mut walk, "e"), vec![Step::EditNote]);
    assert_eq!(walk.note_target().map(|i| i.id.as_str()), Some("a1"));
    assert_eq!(walk.set_note("  ran the retro  "), Step::Answered);
    let rating = &walk.ratings()["a1"];
    assert_eq!(rating.note.as_deref(), Some("ran the retro"));
    assert_eq!(walk.current_note(), Some("ran the retro"));
    press(&mut walk, "4");
    assert_eq!(
        walk.ratings()["a1"].note.as_deref(),
        Some("ran the retro"),
        "changing the rating keeps the note"
    );
    press(&mut walk, "<e");
    assert_eq!(walk.set_note(""), Step::Answered);
    assert_eq!(walk.ratings()["a1"].note, None);
}

#[test]
fn a_note_before_the_rating_is_saved_and_joins_the_rating() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\ne");
    assert_eq!(
        walk.set_note("led a workshop"),
        Step::Answered,
        "saved at once"
    );
    assert!(walk.ratings().is_empty());
    assert_eq!(
        walk.notes().get("a1").map(String::as_str),
        Some("led a workshop")
    );
    let resumed = Walk::new(&f, Ratings::new(), false).with_notes(walk.notes().clone());
    assert_eq!(resumed.notes().len(), 1, "a resumed walk starts with them");
    match walk.screen() {
        Screen::Question(q) => assert_eq!(q.draft_note, Some("led a workshop")),
        other => panic!("{other:?}"),
    }
    press(&mut walk, "2");
    assert_eq!(walk.ratings()["a1"].note.as_deref(), Some("led a workshop"));
    assert!(walk.notes().is_empty(), "the note moved into the rating");
}

#[test]
fn q_and_ctrl_c_and_a_closed_terminal_quit() {
    let f = small();
    for key in [Key::Char('q'), Key::Interrupt, Key::Closed] {
        let mut walk = Walk::new(&f, Ratings::new(), false);
        press(&mut walk, "\n3");
        assert_eq!(walk.handle(key), Step::Quit);
        assert_eq!(value(&walk, "a1").as_deref(), Some("3"));
    }
    let mut walk = Walk::new(&f, Ratings::new(), false);
    assert_eq!(
        walk.handle(Key::Char('q')),
        Step::Quit,
        "also on the opening"
    );
}

#[test]
fn question_mark_shows_the_scale_until_the_next_key() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\n?");
    assert!(matches!(walk.screen(), Screen::Question(q) if q.show_scale));
    press(&mut walk, "3");
    assert!(matches!(walk.screen(), Screen::Question(q) if !q.show_scale));
    assert_eq!(value(&walk, "a1").as_deref(), Some("3"));
}

#[test]
fn resuming_starts_at_the_first_unrated_indicator() {
    let f = small();
    let mut first = Walk::new(&f, Ratings::new(), false);
    press(&mut first, "\n34q");
    let mut walk = Walk::new(&f, first.ratings().clone(), false);
    match walk.screen() {
        Screen::Opening(o) => assert_eq!((o.answered, o.indicators), (2, 6)),
        other => panic!("{other:?}"),
    }
    press(&mut walk, "\n");
    assert_eq!(on_screen(&walk), "b1");
    press(&mut walk, "<");
    assert_eq!(on_screen(&walk), "a2");
}

#[test]
fn resuming_with_gaps_goes_from_one_unanswered_indicator_to_the_next() {
    let f = small();
    let given: Ratings = ["a1", "b1", "b2"]
        .into_iter()
        .map(|id| {
            (
                id.to_string(),
                Rating {
                    value: RatingValue::Scale(3),
                    note: None,
                },
            )
        })
        .collect();
    let mut walk = Walk::new(&f, given, false);
    press(&mut walk, "\n");
    assert_eq!(on_screen(&walk), "a2");
    press(&mut walk, "4");
    assert_eq!(on_screen(&walk), "c1", "b1 and b2 are answered already");
    press(&mut walk, "<<<");
    assert_eq!(on_screen(&walk), "a2");
    press(&mut walk, "\n");
    assert_eq!(on_screen(&walk), "b1", "reviewing goes one by one");
    press(&mut walk, "\n\n");
    assert_eq!(on_screen(&walk), "c1");
}

#[test]
fn a_complete_assessment_opens_on_the_review_for_changes() {
    let f = small();
    let mut first = Walk::new(&f, Ratings::new(), false);
    press(&mut first, "\n333333");
    assert!(first.is_complete());
    let mut walk = Walk::new(&f, first.ratings().clone(), false);
    assert!(walk.is_complete());
    assert!(matches!(walk.screen(), Screen::Opening(o) if o.complete));
    assert_eq!(press(&mut walk, "\n"), vec![Step::Redraw]);
    assert_eq!(on_screen(&walk), "review");
    press(&mut walk, "1");
    assert_eq!(on_screen(&walk), "a1");
    press(&mut walk, "2");
    assert_eq!(value(&walk, "a1").as_deref(), Some("2"));
    assert_eq!(press(&mut walk, "\n"), vec![Step::Finished]);
}

#[test]
fn from_earlier_ratings_enter_keeps_each_as_an_answer_and_the_rest_stay_unanswered() {
    let f = small();
    let mut first = Walk::new(&f, Ratings::new(), false);
    press(&mut first, "\n333333");
    let mut earlier = first.ratings().clone();
    earlier.get_mut("a1").expect("rated").note = Some("spring retro".into());
    let mut walk = Walk::new(&f, Ratings::new(), false).with_earlier(earlier);
    assert!(matches!(walk.screen(), Screen::Opening(o) if o.revisiting && !o.complete));
    press(&mut walk, "\n");
    assert_eq!(on_screen(&walk), "a1");
    match walk.screen() {
        Screen::Question(q) => {
            assert_eq!(q.rating, None, "nothing is answered yet");
            assert_eq!(q.earlier.map(|r| r.value), Some(RatingValue::Scale(3)));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        press(&mut walk, "\n"),
        vec![Step::Answered],
        "Enter on last time's rating is an answer, saved at once"
    );
    assert_eq!(value(&walk, "a1").as_deref(), Some("3"));
    assert_eq!(
        walk.ratings()["a1"].note.as_deref(),
        Some("spring retro"),
        "its note comes with it"
    );
    assert_eq!(on_screen(&walk), "a2");
    assert_eq!(press(&mut walk, "1"), vec![Step::Answered]);
    assert_eq!(value(&walk, "a2").as_deref(), Some("1"));
    assert_eq!(
        walk.ratings().len(),
        2,
        "indicators not reached stay unanswered"
    );
    assert!(!walk.is_complete());
    press(&mut walk, "\n\n\n\n");
    assert_eq!(on_screen(&walk), "review");
    assert_eq!(press(&mut walk, "\n"), vec![Step::Finished]);
}

#[test]
fn a_note_removed_from_last_times_rating_is_not_carried_over() {
    let f = small();
    let mut earlier = Ratings::new();
    earlier.insert(
        "a1".into(),
        Rating {
            value: RatingValue::Scale(2),
            note: Some("old".into()),
        },
    );
    let mut walk = Walk::new(&f, Ratings::new(), false).with_earlier(earlier);
    press(&mut walk, "\n");
    assert_eq!(walk.current_note(), Some("old"));
    assert_eq!(walk.set_note(""), Step::Redraw, "nothing of it was saved");
    press(&mut walk, "\n");
    assert_eq!(walk.ratings()["a1"].note, None);
    assert_eq!(value(&walk, "a1").as_deref(), Some("2"));
}

#[test]
fn adaptive_skips_levels_above_one_out_of_reach() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), true);
    // a1 = 1: level one can still reach 0.8? (0 + 1) / 2 = 0.5 < 0.8: out of reach.
    press(&mut walk, "\n1");
    assert_eq!(walk.skipped_ids(), vec!["b1", "b2", "c1"]);
    assert_eq!(on_screen(&walk), "a2", "the level itself is still asked");
    match walk.screen() {
        Screen::Question(q) => assert_eq!((q.number, q.total, q.skipped), (2, 3, 3)),
        other => panic!("{other:?}"),
    }
    press(&mut walk, "4");
    assert_eq!(on_screen(&walk), "d1", "levels two and three are not asked");
    assert_eq!(press(&mut walk, "4"), vec![Step::Answered]);
    assert!(matches!(walk.screen(), Screen::Review(r) if (r.total, r.skipped) == (3, 3)));
    assert_eq!(value(&walk, "b1"), None, "skipped stays unrated");
    assert!(walk.is_complete());
}

#[test]
fn adaptive_asks_again_when_a_changed_answer_brings_a_level_back_in_reach() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), true);
    press(&mut walk, "\n14");
    assert_eq!(on_screen(&walk), "d1");
    press(&mut walk, "<<");
    assert_eq!(on_screen(&walk), "a1");
    press(&mut walk, "3");
    assert!(walk.skipped_ids().is_empty());
    assert_eq!(on_screen(&walk), "a2");
    press(&mut walk, "\n");
    assert_eq!(on_screen(&walk), "b1");
}

#[test]
fn adaptive_keeps_answers_already_given_in_a_skipped_level_within_reach_of_back() {
    let f = small();
    let given: Ratings = [("a1", 1), ("a2", 1), ("b1", 4)]
        .into_iter()
        .map(|(id, v)| {
            (
                id.to_string(),
                Rating {
                    value: RatingValue::Scale(v),
                    note: None,
                },
            )
        })
        .collect();
    let mut walk = Walk::new(&f, given, true);
    assert_eq!(walk.skipped_ids(), vec!["b2", "c1"]);
    press(&mut walk, "\n");
    assert_eq!(on_screen(&walk), "d1");
    match walk.screen() {
        Screen::Question(q) => assert_eq!((q.number, q.total, q.skipped), (4, 4, 2)),
        other => panic!("{other:?}"),
    }
    press(&mut walk, "<");
    assert_eq!(on_screen(&walk), "b1", "an answer given is never hidden");
    assert_eq!(value(&walk, "b1").as_deref(), Some("4"));
}

#[test]
fn adaptive_keeps_asking_while_a_level_can_still_make_it() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), true);
    // n on a1 leaves a2 alone to decide level one.
    press(&mut walk, "\nn");
    assert!(walk.skipped_ids().is_empty());
    press(&mut walk, "2");
    assert_eq!(walk.skipped_ids(), vec!["b1", "b2", "c1"]);
}

#[test]
fn adaptive_skips_the_same_levels_as_working_them_out_from_all_the_answers() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), true);
    for key in keys("\n14<<3n<2<<4>>1") {
        walk.handle(key);
        assert_eq!(walk.reach().0, walk.reach_now().0, "after {key:?}");
    }
}

#[test]
fn the_question_numbers_kept_per_answer_match_counting_every_indicator() {
    let f = small();
    for adaptive in [false, true] {
        let mut walk = Walk::new(&f, Ratings::new(), adaptive);
        for key in keys("\n14<<3n<2<<4>>1\n2\n") {
            walk.handle(key);
            let reach = walk.reach();
            let asked: Vec<usize> = (0..walk.items.len())
                .filter(|&p| !walk.left_out(&walk.items[p], reach))
                .collect();
            assert_eq!(walk.asked_total(), asked.len(), "after {key:?}");
            for (n, &p) in asked.iter().enumerate() {
                assert_eq!(walk.asked_at(n + 1), Some(p), "after {key:?}");
                assert_eq!(walk.asked_up_to(p), n + 1, "after {key:?}");
            }
            assert_eq!(walk.asked_at(asked.len() + 1), None, "after {key:?}");
            if let Screen::Question(q) = walk.screen() {
                let number = asked.iter().filter(|&&p| p <= walk.position).count();
                assert_eq!((q.number, q.total), (number, asked.len()), "after {key:?}");
            }
        }
    }
}

#[test]
fn multi_digit_scales_wait_for_the_value() {
    let yaml = r#"
id: ten
name: Ten
version: "1"
scale: [{ value: 1, label: One }, { value: 5, label: Five }, { value: 10, label: Ten }]
demonstrated_at: 5
levels: [{ id: one, name: One }]
competencies:
  - { id: c, name: C, levels: [{ level: one, indicators: [{ id: x, text: X }, { id: y, text: Y }, { id: z, text: Z }] }] }
"#;
    let f = crate::test_support::framework("ten.yaml", yaml);
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\n1");
    assert_eq!(value(&walk, "x"), None, "1 may start 10");
    assert!(matches!(walk.screen(), Screen::Question(q) if q.typed == "1"));
    press(&mut walk, "0");
    assert_eq!(value(&walk, "x").as_deref(), Some("10"));
    press(&mut walk, "1\n");
    assert_eq!(value(&walk, "y").as_deref(), Some("1"));
    press(&mut walk, "5");
    assert_eq!(value(&walk, "z").as_deref(), Some("5"));
}

#[test]
fn on_a_scale_with_zero_the_zero_key_rates_zero_and_n_is_not_applicable() {
    let yaml = r#"
id: zero
name: Zero
version: "1"
scale: [{ value: 0, label: Never }, { value: 1, label: Sometimes }, { value: 2, label: Always }]
demonstrated_at: 2
levels: [{ id: one, name: One }]
competencies:
  - { id: c, name: C, levels: [{ level: one, indicators: [{ id: x, text: X }, { id: y, text: Y }] }] }
"#;
    let f = crate::test_support::framework("zero.yaml", yaml);
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\n0n");
    assert_eq!(value(&walk, "x").as_deref(), Some("0"));
    assert_eq!(value(&walk, "y").as_deref(), Some("na"));
}

#[test]
fn unknown_keys_are_named_and_change_nothing() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), false);
    press(&mut walk, "\nx");
    assert!(walk.ratings().is_empty());
    assert!(matches!(walk.screen(), Screen::Question(q) if q.notice == Some(&Notice::UnknownKey)));
}

#[test]
fn s_skips_an_indicator_which_the_review_names_and_a_resume_asks_again() {
    let f = small();
    let mut walk = Walk::new(&f, Ratings::new(), false);
    // a1 skipped, a2 rated, b1 skipped, the rest rated: the walk does not come back to a1 or
    // b1 but ends on the review, which names them.
    assert_eq!(press(&mut walk, "\ns"), vec![Step::Redraw, Step::Redraw]);
    assert_eq!(on_screen(&walk), "a2");
    press(&mut walk, "3s333");
    assert_eq!(on_screen(&walk), "review");
    assert!(!walk.is_complete());
    assert_eq!(walk.answered(), 4);
    match walk.screen() {
        Screen::Review(r) => assert_eq!(r.unanswered, vec![1, 3]),
        other => panic!("{other:?}"),
    }
    // A number answers one of them, and the review comes back without it.
    press(&mut walk, "3");
    assert_eq!(on_screen(&walk), "b1");
    press(&mut walk, "4");
    assert_eq!(on_screen(&walk), "review");
    match walk.screen() {
        Screen::Review(r) => assert_eq!(r.unanswered, vec![1]),
        other => panic!("{other:?}"),
    }
    assert_eq!(press(&mut walk, "\n"), vec![Step::Finished]);
    assert!(walk.ratings().get("a1").is_none());

    // `s` on a rated indicator keeps its rating and moves on.
    let mut again = Walk::new(&f, walk.ratings().clone(), false);
    press(&mut again, "\n");
    assert_eq!(on_screen(&again), "a1", "a resume asks the skipped one");
    press(&mut again, "<");
    press(&mut again, "2");
    assert_eq!(on_screen(&again), "review");
    assert!(again.is_complete());
    press(&mut again, "2");
    assert_eq!(on_screen(&again), "a2");
    press(&mut again, "s");
    assert_eq!(on_screen(&again), "review");
    assert_eq!(value(&again, "a2").as_deref(), Some("3"));
}
