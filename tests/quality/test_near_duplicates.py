from datetime import date

from multipolar.clean.dedup import NearDuplicateIndex

WORDS = ("the ministers met in the capital to discuss trade energy and security while officials "
         "prepared a joint statement on grain exports pipelines and border crossings for next year").split()


def article(seed: int, n: int = 400) -> str:
    return " ".join(WORDS[(i * (seed + 3) + i // 7) % len(WORDS)] + str(i % (13 + seed)) for i in range(n))


def test_add_marks_the_later_exact_copy():
    index = NearDuplicateIndex(0.5, 128)
    assert index.add("a", article(1), date(2025, 1, 1)) is None
    assert index.add("b", article(1) + " Share this post.", date(2025, 1, 2)) == "a"


def test_add_finds_rewrite_that_keeps_most_of_the_text():
    original = article(2, 600)
    words = original.split()
    rewrite = " ".join(["An opening paragraph written by the blog."] + words[:200] + words[300:]
                       + ["A closing note with the author's view of what comes next."] * 3)
    index = NearDuplicateIndex(0.9, 128)  # Jaccard alone would miss it at this threshold
    index.add("wire", original, date(2025, 1, 1))
    assert index.add("blog", rewrite, date(2025, 1, 2)) == "wire"
    assert index.matches["blog"].containment >= 0.8


def test_add_unrelated_documents_are_not_duplicates():
    index = NearDuplicateIndex(0.5, 128)
    index.add("a", article(1), date(2025, 1, 1))
    assert index.add("b", article(5), date(2025, 1, 1)) is None


def test_add_earlier_copy_arriving_late_repoints_the_later_one():
    index = NearDuplicateIndex(0.5, 128)
    index.add("late", article(3), date(2025, 2, 1))
    assert index.add("early", article(3), date(2025, 1, 1)) is None
    assert index.take_repointed() == {"late": "early"}
    assert index.original_of("late") == "early"


def test_word_split_matches_lowercase_translate_split():
    from multipolar.clean.dedup import _PUNCTUATION, _words

    samples = [
        "Hello, World! It's 3.5% — “quoted” ‘text’… with\u00a0nbsp and tabs\tand\nlines",
        "Ünïcödé Straße: ÉCOLE (Paris) – 2025/01/21 @user #tag {x} [y] <z> a|b ~c ^d `e",
        " ".join(chr(i) for i in range(1, 0x3000)) + " lone \ud800 surrogate",
        "",
        "   ",
    ]
    for text in samples:
        assert _words(text) == text.lower().translate(_PUNCTUATION).split()
