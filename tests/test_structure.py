"""The structure stage: menus, the page around the article, comment sections; and what it keeps."""

import pytest

from cleaner.document import Document
from cleaner.paths import rules_dir
from cleaner.pipeline import Pipeline
from cleaner.ruleset import RuleSet
from cleaner.stages.layout import LayoutBlanksStage
from cleaner.stages.structure import StructureStage, is_short, line_score, link_lines, main_block, standfirst

RULES = RuleSet.default().family("structure")
# structure.standfirst is opt-in (rules/opt-in/): tested with its own pack
OPT_IN = RuleSet.load([rules_dir() / "opt-in" / "standfirst.toml"]).family("structure")

P1 = "The alliance met in Dushanbe on Monday to discuss the situation on the Afghan border, officials said."
P2 = "The next meeting is planned for December in Moscow, the ministry said in a statement on Tuesday."
P3 = "The ministry added that more troops could be sent to the border region if the fighting continued."


def run(text: str, only: str | None = None) -> str:
    rules = [r for r in (*RULES, *OPT_IN) if (only is None and r not in OPT_IN) or r.detector == only]
    layout = LayoutBlanksStage(RuleSet.default().family("layout"))
    return Pipeline([StructureStage(rules), layout], max_rounds=3).run(Document("t", text)).text


def test_rules_loaded():
    assert {r.detector for r in RULES} >= {"menu-run", "outside-block", "comment-section"}
    assert all(r.safety == "risky" for r in RULES)


def test_is_short():
    assert is_short("Business", 1)
    assert is_short("World News", 2)
    assert not is_short("Yes.", 1)
    assert not is_short("What happened next?", 3)
    assert not is_short("a much longer line of text here", 7)


def test_main_block_picks_densest_run():
    assert main_block([-3, -3, 20, -2, 15, -6, -6]) == (2, 5, 33)
    assert main_block([-1, -1])[2] == 0


def test_line_score_signs():
    assert line_score(P1, 18, True) > 0
    assert line_score(P1, 8, True) < 0  # a teaser-length blurb is no evidence of an article
    assert line_score("Sport", 1, False) < 0
    assert line_score("He said it was over.", 5, False) < 0  # under six words: no evidence either way
    assert line_score("That was the end of it, he said.", 8, False) > 0


# --- menu-run ---------------------------------------------------------------------------------

def test_menu_before_article_removed():
    text = f"Home\nWorld\nBusiness\nSport\n\n{P1}\n\n{P2}\n"
    assert run(text, "menu-run") == f"{P1}\n\n{P2}\n"


def test_tag_cloud_after_article_removed():
    text = f"{P1}\n\n{P2}\n\nTajikistan\nRussia\nCSTO\nTaliban\n"
    assert run(text, "menu-run") == f"{P1}\n\n{P2}\n"


def test_two_short_lines_kept():
    text = f"World\nPolitics\n\n{P1}\n"
    assert run(text, "menu-run") == text


def test_list_inside_article_kept():
    text = f"{P1}\n\nThey agreed on:\n- more troops\n- joint drills\n- new patrols\n\n{P2}\n"
    assert run(text, "menu-run") == text


def test_list_after_lead_in_at_end_kept():
    text = f"{P1}\n\n{P2}\n\nWhat's new in this version:\n- Faster sync\n- Dark mode\n- Bugs fixed\n"
    assert run(text, "menu-run") == text


def test_list_continuing_a_bulleted_list_kept():
    text = f"{P1}\n\n{P2}\n\n- New tasks for the game, more than a hundred!\n- Better support\n- Bugs fixed\n- New icons\n"
    assert run(text, "menu-run") == text


def test_short_quoted_lines_kept():
    text = f"{P1}\n\n\"No.\"\n\"Why not?\"\n\"Because.\"\n\n{P2}\n"
    assert run(text) == text


def test_qa_interview_kept():
    text = (f"{P1}\n\nQ: Why now?\nA: Because the border is open.\nQ: And then?\nA: We will see.\n\n{P2}\n")
    assert run(text) == text


# --- outside-block --------------------------------------------------------------------------

MENU = "\n".join(["News", "Sport", "Weather", "Video", "Live", "Business", "Tech"])
FOOT = "\n".join(["About us", "Contact", "Jobs", "Privacy", "Terms", "Help", "Sitemap"])


def test_whole_page_reduced_to_article():
    text = f"{MENU}\n\nOfficials meet in Dushanbe\n\n{P1}\n\n{P2}\n\n{P3}\n\n{FOOT}\n"
    assert run(text, "outside-block") == f"{P1}\n\n{P2}\n\n{P3}\n"


def test_subheading_and_list_inside_block_kept():
    """Paragraphs of real-article length (30+ words) carry a subheading and a short list; with
    teaser-length paragraphs (< 20 words) around them the block would split: a known limit."""
    P1, P2, P3 = (p + " " + p for p in (globals()["P1"], globals()["P2"], globals()["P3"]))
    body = f"{P1}\n\nWhat comes next\n\n{P2}\n\nThe plan has three parts, the minister said:\n- troops on the border\n- drills in the autumn\n\n{P3}"
    text = f"{MENU}\n\n{body}\n\n{FOOT}\n"
    assert run(text, "outside-block") == body + "\n"


def test_extracted_article_untouched():
    """Few short lines around the text: this is an extractor's output, not a page."""
    text = f"Officials meet in Dushanbe\nBy Jane Doe\n\n{P1}\n\n{P2}\n\nRead more\n"
    assert run(text, "outside-block") == text


# --- comment-section ------------------------------------------------------------------------

def test_comment_section_cut():
    c = "I think this is a very good decision by the alliance and long overdue, to be honest with you."
    text = f"{P1}\n\n{P2}\n\n{P3}\n\n3 thoughts on \"Alliance meets\"\n\n{c}\n\nHi Jane,\n\n{c}\n"
    assert run(text, "comment-section") == f"{P1}\n\n{P2}\n\n{P3}\n"


@pytest.mark.parametrize("heading", ["Top Rated Comments", "12 Comments", "Comments (4)", "One thought on \"X\""])
def test_comment_headings(heading):
    text = f"{P1}\n\n{P2}\n\n{P3}\n\n{heading}\n\n{P1}\n"
    assert run(text, "comment-section") == f"{P1}\n\n{P2}\n\n{P3}\n"


def test_comments_word_in_article_kept():
    text = f"{P1}\n\nThe comments section of the ministry website was closed after the meeting, officials said.\n\n{P2}\n"
    assert run(text, "comment-section") == text


def test_comment_heading_before_article_kept():
    text = f"Comments\n\n{P1}\n\n{P2}\n"
    assert run(text, "comment-section") == text


def test_idempotent_on_page():
    text = f"{MENU}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{FOOT}\n"
    once = run(text)
    assert run(once) == once


# --- unpunctuated long lines, long comment headings ---------------------------------------------

TAG_CLOUD = " ".join(["border", "patrol", "taliban", "dushanbe", "csto", "drills", "moscow", "refugees"] * 6)


def test_tag_cloud_line_is_not_prose():
    from cleaner.stages.structure import is_prose
    assert not is_prose(TAG_CLOUD, 48, True)
    assert is_prose(P1, 18, True)
    long_sentence = " ".join([P1, P2, P3])
    assert is_prose(long_sentence, len(long_sentence.split()), True)


def test_outside_block_does_not_take_a_tag_cloud_for_the_article():
    menu = "\n".join(["News", "Sport", "Weather", "Video", "Live", "Jobs", "Help"])
    text = f"{menu}\n\n{P1}\n\n{P2}\n\nTags\n{TAG_CLOUD}\n\n{menu}\n"
    out = run(text, "outside-block")
    assert P1 in out and P2 in out
    assert TAG_CLOUD not in out


def test_comment_heading_with_a_long_quoted_title():
    heading = '10 thoughts on "Border talks: why the alliance met in Dushanbe and what it means for the region"'
    comment = "I think this is a very good decision by the alliance and long overdue, to be honest with you all."
    text = f"{P1}\n\n{P2}\n\n{P3}\n\n{heading}\n\n{comment}\n"
    assert run(text, "comment-section") == f"{P1}\n\n{P2}\n\n{P3}\n"


# --- whole-page signal ----------------------------------------------------------------------------

COOKIE = ("We use cookies to improve your experience on our website and to show you personalised "
          "advertising, as described in our privacy policy.")


def test_whole_page_with_a_cookie_paragraph_on_top():
    """A long cookie notice counts as a paragraph and moves the head zone; the navigation on both
    sides of the main block still says this is a whole page."""
    menu = "\n".join(["News", "Sport", "Weather", "Video", "Live", "Jobs", "Help"])
    text = f"{COOKIE}\n\n{menu}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{FOOT}\n\n{COOKIE}\n\n{menu}\n{FOOT}\n"
    assert run(text, "outside-block") == f"{P1}\n\n{P2}\n\n{P3}\n"


def test_extracted_article_ending_in_a_long_list_untouched():
    """Short lines on one side of the block only: an extracted article with a list, not a page."""
    items = "\n".join(f"Item {i}" for i in range(30))
    text = f"{P1}\n\nWhat the plan holds\n{items}\n\n{P2}\n\n{P3}\n"
    assert run(text, "outside-block") == text


# --- comment bylines ------------------------------------------------------------------------------

COMMENT = "I think this is a very good decision by the alliance and long overdue, to be honest with you."


def test_dated_comment_byline_starts_the_comment_section():
    text = f"{P1}\n\n{P2}\n\n{P3}\n\nJane Doe on September 12, 2018 at 4:47 pm said:\n\n{COMMENT}\n"
    assert run(text, "comment-section") == f"{P1}\n\n{P2}\n\n{P3}\n"


def test_bare_comment_bylines_need_two():
    one = f"{P1}\n\n{P2}\n\n{P3}\n\nJane Doe says:\n\n{COMMENT}\n"
    assert run(one, "comment-section") == one
    two = f"{one}\nIvan Petrov says:\n\n{COMMENT}\n"
    assert run(two, "comment-section") == f"{P1}\n\n{P2}\n\n{P3}\n"


@pytest.mark.parametrize("lead", [
    "He said:", "On Monday at 10:30, the minister said:", "In a statement on May 3, 2019 at 9:00, Lavrov wrote:",
])
def test_quote_lead_ins_are_not_comment_bylines(lead):
    text = f"{P1}\n\n{P2}\n\n{P3}\n\n{lead}\n\n{COMMENT}\n\nShe says:\n\n{COMMENT}\n"
    assert run(text, "comment-section") == text


# --- lists at the edge of the main block ------------------------------------------------------------

def test_list_after_takes_tour_dates_and_their_heading():
    from cleaner.stages.structure import list_after
    from cleaner.zones import is_paragraph, words_of
    texts = [P1, "", "Tour dates", "", "June 9 – Tampa, FL @ Arena", "June 10 – Miami, FL @ Stadium",
             "June 14 – Atlanta, GA @ Amphitheatre (formerly Verizon)", "June 17 – Nashville, TN @ Arena",
             "", "About us", "Contact"]
    words = [words_of(t) for t in texts]
    para = [is_paragraph(t, w) for t, w in zip(texts, words, strict=True)]
    assert list_after(texts, words, para, 1) == 8


def test_list_after_takes_numbered_items_alternating_with_links():
    from cleaner.stages.structure import list_after
    texts = [P1, "1) Lego Star Wars bomber set", "https://amzn.to/a1", "2) Electric slot car track",
             "https://amzn.to/b2", "3) Nolan: the box set (Blu-Ray)", "https://amzn.to/c3", "Home", "Sport"]
    assert list_after(texts, [len(t.split()) for t in texts], [False] * len(texts), 1) == 7


def test_list_after_leaves_an_archive_widget():
    from cleaner.stages.structure import list_after
    texts = [P1, "Dezembro (111)", "Novembro (163)", "Outubro (148)", "Setembro (139)", "Agosto (162)"]
    assert list_after(texts, [len(t.split()) for t in texts], [False] * len(texts), 1) == 1


def test_list_after_ignores_menus_and_teasers():
    from cleaner.stages.structure import list_after
    texts = [P1, "Most read", "Pochettino fired by Tottenham", "Maradona out as coach",
             "Messi's challenge from Cavani", "Who will replace him?", "Home", "News"]
    assert list_after(texts, [3] * len(texts), [False] * len(texts), 1) == 1


def test_whole_page_keeps_a_results_table_after_the_article():
    menu = "\n".join(["News", "Sport", "Weather", "Video", "Live", "Jobs", "Help"])
    table = "\n".join(f"{c} (Group {g}): {n}th appearance" for c, g, n in
                      [("England", "A", 10), ("Spain", "F", 11), ("France", "H", 10), ("Italy", "J", 10), ("Wales", "E", 2)])
    text = f"{menu}\n\n{P1}\n\n{P2}\n\n{P3}\n\nQualified teams\n\n{table}\n\n{FOOT}\n"
    assert run(text, "outside-block") == f"{P1}\n\n{P2}\n\n{P3}\n\nQualified teams\n\n{table}\n"


def test_price_table_after_article_is_not_a_menu():
    text = f"{P1}\n\n{P2}\n\nTickets\nVIP : 60,000 won\nR : 50,000 won\nS : 40,000 won\nInquiries\n"
    assert run(text, "menu-run") == text


def test_list_items_needs_shared_punctuation_or_numbering():
    from cleaner.stages.structure import list_items
    assert list_items(["VIP : 60,000", "R : 50,000", "Home"]) == [True, True, False]
    assert list_items(["1. Eggs", "milk", "2. Flour"]) == [True, False, True]
    assert not any(list_items(["Home", "World News", "Business", "Sport"]))


def test_truncated_teaser_is_no_sentence():
    teaser = "For activists, recent setbacks in the courts temper their long-term hopes …"
    assert line_score(teaser, 13, False) < 0
    assert line_score(teaser.replace(" …", "."), 13, False) > 0


def test_three_reply_salutations_start_the_comment_section():
    thread = "".join(f"Hi {n},\n{COMMENT}\n" for n in ("Milan", "Alex", "Gary"))
    text = f"{P1}\n{P2}\n{P3}\n{thread}"
    assert run(text, "comment-section") == f"{P1}\n{P2}\n{P3}\n"


def test_two_salutations_in_an_article_kept():
    text = f"{P1}\n\nDear Amy,\n\n{COMMENT}\n\nDear reader,\n\n{P2}\n\n{P3}\n"
    assert run(text, "comment-section") == text


# --- teaser lists ---------------------------------------------------------------------------------

TEASERS = ["- Pochettino fired by Tottenham after five years", "- Maradona out as coach of Gimnasia",
           "- Who will replace Pochettino for Spurs?", "- Messi accepts a challenge from Cavani"]


def test_teaser_list_after_article_removed():
    text = f"{P1}\n{P2}\n" + "\n".join(TEASERS) + "\n"
    assert run(text, "teaser-list") == f"{P1}\n{P2}\n"


def test_teaser_list_after_a_table_takes_only_the_teasers():
    table = [f"- {c} (Group {g}): {n}th appearance" for c, g, n in
             [("England", "A", 10), ("Spain", "F", 11), ("France", "H", 10), ("Italy", "J", 10)]]
    text = f"{P1}\n{P2}\nQualified teams\n" + "\n".join(table + TEASERS) + "\n"
    assert run(text, "teaser-list") == f"{P1}\n{P2}\nQualified teams\n" + "\n".join(table) + "\n"


def test_bulleted_list_with_lead_in_or_inside_article_kept():
    led = f"{P1}\nThe four stories the minister mentioned:\n" + "\n".join(TEASERS) + "\n"
    assert run(led, "teaser-list") == led
    inside = f"{P1}\n" + "\n".join(TEASERS) + f"\n{P2}\n{P3}\n{P1}\n"
    assert run(inside, "teaser-list") == inside


def test_short_bullets_are_not_teasers():
    text = f"{P1}\n{P2}\n- eggs and milk\n- flour\n- two apples\n"
    assert run(text, "teaser-list") == text


# --- the page title repeated above the article; menus that cut the block ----------------------------

def test_title_anchor_finds_the_headline_repeating_the_page_title():
    from cleaner.stages.structure import title_anchor
    texts = ["Officials Meet In Dushanbe On Border – Example News", "Home", "World",
             "Officials meet in Dushanbe on border", P1]
    assert title_anchor(texts) == 3
    assert title_anchor(["Home", "World", "Home", P1]) is None  # a title under four words anchors nothing
    assert title_anchor(["Officials meet in Dushanbe on border", f"Officials meet in Dushanbe on border {P1}"]) is None


def test_whole_page_article_after_its_headline_not_the_teasers_above():
    menu = "\n".join(["News", "Sport", "Weather", "Video", "Live", "Jobs", "Help"])
    teasers = "\n".join(t + " " + P2 for t in ("Customers Leave Without Paying", "Mayor Vows To Fight Move",
                                               "Police Seek Tips About Elk", "Detroit Cheese Shops Ranked"))
    text = (f"Officials Meet In Dushanbe On Border - Example News\n\n{menu}\n\n{teasers}\n\n{menu}\n\n"
            f"Officials Meet In Dushanbe On Border\n\n{P1}\n\n{P3}\n\n{FOOT}\n")
    assert run(text, "outside-block") == f"{P1}\n\n{P3}\n"


def test_split_at_gaps_keeps_the_first_part():
    from cleaner.stages.structure import split_at_gaps
    texts = [P1, P2, "Opinion", "China", "Hong Kong", "Protests", "Beijing", "Asia", P3]
    words = [18, 17, 1, 1, 2, 1, 1, 1, 17]
    para = [True, True, False, False, False, False, False, False, True]
    scores = [8.0, 7.0, -4, -4, -6, -4, -4, -4, 7.0]
    assert split_at_gaps(texts, words, para, scores, 0, 9) == (0, 2)
    assert split_at_gaps(texts[:5] + texts[8:], words[:5] + words[8:], para[:5] + para[8:],
                         scores[:5] + scores[8:], 0, 6) == (0, 6)  # three short lines are no gap
    led = [P1, "Ingredients:", "Salt", "Pepper", "Butter", "Sugar", "Flour", P2]
    assert split_at_gaps(led, [18, 1, 1, 1, 1, 1, 1, 17], [True] + [False] * 6 + [True],
                         [8.0, -4, -4, -4, -4, -4, -4, 7.0], 0, 8) == (0, 8)  # a list after a lead-in


def test_anchored_page_needs_short_lines_on_one_side_only():
    """The title line comes back as the headline: a whole page, even when an earlier rule already
    took the footer away."""
    menu = "\n".join(["News", "Sport", "Weather", "Video", "Live", "Jobs", "Help", "Travel", "Money",
                      "Cars", "Games", "Food", "Books"])
    head = f"Officials Meet In Dushanbe On Border | Example\n\n{COOKIE}\n\n{menu}\n\n"
    text = f"{head}Officials Meet In Dushanbe On Border\n\n{P1}\n\n{P2}\n"
    assert run(text, "outside-block") == f"{P1}\n\n{P2}\n"
    unanchored = text.replace("Officials Meet In Dushanbe On Border\n\n", "", 1)
    assert run(unanchored, "outside-block") == unanchored


def test_title_repeated_below_the_article_moves_nothing():
    """A 'recent posts' widget under the article repeats the title: the article stays."""
    menu = "\n".join(["News", "Sport", "Weather", "Video", "Live", "Jobs", "Help"])
    text = (f"Officials Meet In Dushanbe On Border | Example\n\n{menu}\n\n{P1}\n\n{P2}\n\n{P3}\n\n"
            f"Recent posts\nOfficials Meet In Dushanbe On Border\nRains flood the valley again\n\n{FOOT}\n")
    assert run(text, "outside-block") == f"{P1}\n\n{P2}\n\n{P3}\n"


# --- link-line --------------------------------------------------------------------------------

def test_link_lines_after_article():
    texts = [P1, "", P2, "https://www.example.com/a/story-1.html", "<www.example.org/b>", "(https://t.me/x)",
             "twitter.com/jdoe", "www.example.co.kr"]
    assert link_lines(texts, 3) == [3, 4, 5, 6, 7]
    assert link_lines(texts, 8) == []  # nothing after the tail start
    # not links: a sentence, an abbreviation, a ratio, a file name without a host path
    assert link_lines([P1, "U.S./Mexico", "1.5/2", "See example.com/x today.", "Mr. Smith"], 1) == []


def test_link_lines_keep_list_item_links():
    texts = [P1, "1) Blade Runner (4K Ultra HD)", "http://example.to/2hWEIX7", "", "- The Wall (DVD)",
             "http://example.to/2i2e7b7", "Source", "https://example.com/report"]
    assert link_lines(texts, 1) == [7]
    assert link_lines(texts, 2) == [7]  # the item itself may be the last paragraph


def test_link_line_in_body_and_in_sentences_kept():
    text = f"{P1}\n\nhttps://www.example.com/data.csv\n\n{P2}\n\nSee https://www.example.com for more.\n"
    assert run(text, "link-line") == text


def test_link_line_removed_and_menu_run_sees_through_it():
    text = f"{P1}\n\n{P2}\n\nhttps://www.example.com/a/story.html\n"
    assert run(text, "link-line") == f"{P1}\n\n{P2}\n"
    # a table after the article keeps its lines even with the site's address before it
    table = f"{P1}\n\n{P2}\n\nwww.example.com\nVIP : 60,000 won\nR : 50,000 won\nS : 40,000 won\n"
    assert run(table) == f"{P1}\n\n{P2}\n\nVIP : 60,000 won\nR : 50,000 won\nS : 40,000 won\n"


# --- standfirst -------------------------------------------------------------------------------

def _sf(lines: list[str]) -> int | None:
    from cleaner.zones import is_paragraph, words_of

    words = [words_of(t) for t in lines]
    return standfirst(lines, words, [is_paragraph(t, w) for t, w in zip(lines, words, strict=True)])


HEAD = "Tajikistan seeks alliance's aid as violence builds on border"
DEK = "Twenty teams have punched tickets for next summer's tournament"


def test_standfirst_found():
    assert _sf([HEAD, "", DEK, "", P1, P2]) == 2
    assert _sf([HEAD, DEK, P1]) == 1


def test_standfirst_not_found():
    assert _sf([HEAD, P2, P1]) is None  # the second line is the first paragraph
    assert _sf([HEAD, "The alliance met in Dushanbe on Monday.", P1]) is None  # a short sentence
    assert _sf(["Review", DEK, P1]) is None  # a label above: the second line is the headline
    assert _sf([HEAD + ".", DEK, P1]) is None  # the first line is a sentence, not a headline
    assert _sf([HEAD, "- " + DEK, P1]) is None  # a list item
    assert _sf([HEAD, DEK, "Short line", P1]) is None  # no paragraph right under it
    unpunctuated = "the alliance met in dushanbe on monday to discuss the situation on the afghan border officials said and more"
    assert _sf([HEAD, DEK, unpunctuated]) is None  # a text without punctuation: no telling
    assert _sf([HEAD, DEK]) is None
    assert _sf([HEAD, HEAD, P1]) is None  # the headline repeated: for the duplicates stage
    caption = "Troops patrol the border in recent weeks as forces quit the region. Jane Doe / TASS"
    assert _sf([HEAD, caption, P1]) is None  # a caption with its credit


def test_standfirst_removed_headline_kept():
    assert run(f"{HEAD}\n\n{DEK}\n\n{P1}\n\n{P2}\n", "standfirst") == f"{HEAD}\n\n{P1}\n\n{P2}\n"
