"""The duplicates stage: what it keeps although it repeats."""

from cleaner.document import Document
from cleaner.pipeline import Pipeline
from cleaner.ruleset import RuleSet
from cleaner.stages.duplicates import DuplicatesStage

P1 = "The Senate adjourned after the motion, officials said on Tuesday in a short statement."


def run(text: str) -> str:
    return Pipeline([DuplicatesStage(RuleSet.default().family("duplicates"))]).run(Document("t", text)).text


def test_tweet_signatures_repeat_with_their_tweets():
    sig = "— The Senate (@Senate) October 9, 2018"
    text = f"{P1}\n\nThe Senate has adjourned plenary.\n{sig}\n\nThe motion passed.\n{sig}\n"
    assert run(text) == text


def test_repeated_headline_in_the_tail_still_goes():
    text = f"{P1}\n\nMore news today\n\nMore news today\n"
    assert run(text) == f"{P1}\n\nMore news today\n\n"
