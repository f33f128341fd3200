"""KW001-KW004: keyword stuffing."""

from __future__ import annotations

import random
import re
from collections import Counter
from itertools import accumulate, compress
from pathlib import Path

import pytest

from lint.document import WORD_RE, Document
from lint.ngrams import (
    all_of,
    count_ngrams,
    frequent_ngram_starts,
    frequent_phrases,
    ngram_starts,
    phrase_occurrences,
)
from lint.rule import Rule
from rules._kw_lexicon import common_words, stopwords
from rules._kw_names import (
    MAX_NAME_WORDS,
    MIN_PROSE_WORDS,
    _lower_case_firsts,
    _name_end,
    _name_head,
    in_prose,
    learned_names,
)
from rules._kw_phrases import (
    _CORES,
    _MID,
    _NEUTRAL,
    _START,
    _abbreviates,
    _acronyms,
    _counted,
    _keyword_core,
    _position,
    repeated_phrases,
)
from rules._kw_queries import _query_re, query_matches
from rules._kw_tokens import (
    _ASCII_TOKEN_RE,
    _BREAK_RE,
    _TOKEN_RE,
    _WIDE_ALNUM_RE,
    BREAK,
    CAMEL,
    LINE_END,
    LOWER,
    OTHER,
    TITLE,
    UPPER,
    Tokens,
    _build_tokens,
    _shape,
    _WordTable,
    lower_forms,
    shapes,
    strip_possessive,
)
from rules.keywords import (
    KeywordDensity,
    MiscasedKeyword,
    PastedQuery,
    RepeatedKeywordPhrase,
    tokens,
)
from tests.harness import (
    flagged_lines,
    flags_per_thousand_words,
    real_texts,
    run_rule,
    seed_text,
    shared_texts,
)

ROOT = Path(__file__).resolve().parents[1]
KW_RULES = (RepeatedKeywordPhrase, MiscasedKeyword, PastedQuery, KeywordDensity)


def kw_lines(text: str) -> list[int]:
    return sorted({line for rule in KW_RULES for line in flagged_lines(rule, text)})


# -- KW002: miscased names ------------------------------------------------------

MISCASED = [
    (
        # a two-word name counts even at a sentence start
        "Nora Vance joined the company as a young engineer in 2011.\n"
        "Farmers still ask why nora vance left the company so suddenly.",
        "nora vance",
        "Nora Vance",
    ),
    (
        "Shareholders say that Marco Ruiz runs the firm like a family shop.\n"
        "Some ask whether marco ruiz will step down before the vote.",
        "marco ruiz",
        "Marco Ruiz",
    ),
    (
        "The update to the YouTube app arrived on Tuesday for most users.\n"
        "Many viewers still say that youtube has become harder to search.",
        "youtube",
        "YouTube",
    ),
    (
        "Critics of the deal said that Lena Park had moved far too quickly.\n"
        "Supporters argue that lena park's plan protects the local jobs.",
        "lena park's",
        "Lena Park's",
    ),
    (
        "Customers who bought the new iPhone last year got a free case.\n"
        "A reader asked how the iphone battery compares with older models.",
        "iphone",
        "iPhone",
    ),
]


@pytest.mark.parametrize(("text", "written", "expected"), MISCASED)
def test_kw002_flags_lower_case_name_with_casing_fix(
    text: str, written: str, expected: str
) -> None:
    found = run_rule(MiscasedKeyword, text)
    assert len(found) == 1
    v = found[0]
    assert text[v.start : v.end] == written
    assert v.fix is not None and not v.fix.safe
    assert v.fix.edits[0].replacement == expected
    assert f"'{expected}'" in v.message


CLEAN_CASING = [
    # a determiner makes it a common noun phrase
    "Prime Minister Tony Blair spoke to reporters on the steps.\n"
    "Later the prime minister left for a meeting in the north.",
    # single ordinary words are never flagged
    "We bought a new Apple laptop for the office last week.\n"
    "Then we each ate an apple from the bowl in the kitchen.",
    # hashtags and handles are lower case by nature
    "The thread under #openai grew quickly, and OpenAI staff replied to most posts.",
    # capitals on a Title Case headline prove nothing
    "Why Open Source Software Wins\n\nMany teams now use open source software for their servers.",
    # capitals on ordinary English words are sloppy writing, not a name
    "Green Energy is popular here. Many towns now buy green energy from local farms.",
    "Climate Change is a serious threat to the whole planet today. "
    "Many people worry about climate change every single day.",
    "Parents fear that Social Media harms children at school and at home. "
    "Teenagers spend hours on social media every day.",
    # a single capitalised word at a sentence start proves nothing
    "Tidewell makes tractors for farms in the north of the country. "
    "Farmers say tidewell parts are hard to find in the winter.",
    # the words are ordinary words elsewhere in the article
    "She painted Starry Night as a gift for the town where she grew up.\n"
    "On clear evenings the starry night sky over the hills is bright, and starry "
    "nights bring many visitors to the village.",
    # a menu or button is not running text
    "Mobile Commerce\n\nData Solutions\n\nShare to linkedin\n\n"
    "Our platform helps teams sell tickets and reach fans on LinkedIn and elsewhere.",
    # consistent casing
    "Shareholders say that Marco Ruiz runs the firm like a family shop, "
    "and Marco Ruiz does not deny it.",
]


@pytest.mark.parametrize("text", CLEAN_CASING)
def test_kw002_leaves_ordinary_casing_alone(text: str) -> None:
    assert run_rule(MiscasedKeyword, text) == []


def test_kw002_name_learned_whole_not_its_tail() -> None:
    text = (
        "She works at the Institute for Applied Research in the old town.\n"
        "Most of her work is applied research on soils and water for farmers."
    )
    assert run_rule(MiscasedKeyword, text) == []


# -- KW003: questions used as noun phrases --------------------------------------

QUERIES = [
    ("Why does the stock market crash happen because investors panic.", "because"),
    ("Why did the band split up remains a mystery to most fans.", "remains"),
    ("How do solar panels work stems from basic physics taught at school.", "stems"),
    ("Where is the best place to surf is a question many visitors ask.", "is"),
    ("Readers ask why does coffee make them sleepy is true or not.", "is"),
]


@pytest.mark.parametrize(("text", "continuation"), QUERIES)
def test_kw003_flags_question_used_as_noun_phrase(text: str, continuation: str) -> None:
    found = run_rule(PastedQuery, text)
    assert len(found) == 1
    assert f"'{continuation}' follows" in found[0].message
    assert not text[found[0].start : found[0].end].endswith(" ")


CLEAN_QUERIES = [
    "Why does the stock market crash? Because investors panic.",
    "Why did the band split up, and what happens to the songs now?",
    "The reason why is that investors panic.",
    "Nobody knows why the band split up.",
    "Why Is Everyone Talking About It",
    "How is the team doing this season, and is the coach safe?",
    "What is happening remains unclear to most analysts.",
    "How to fix a leaking tap is explained in the next section.",
    "When is the deadline is not the right question to ask here, she said?",
]


@pytest.mark.parametrize("text", CLEAN_QUERIES)
def test_kw003_leaves_real_questions_and_good_english_alone(text: str) -> None:
    assert run_rule(PastedQuery, text) == []


def test_kw003_query_length_option() -> None:
    text = "Why does the old red car parked outside the bakery every morning stay is unclear."
    assert run_rule(PastedQuery, text) == []
    rule = PastedQuery(PastedQuery.Options(max_query_words=12))
    assert len(run_rule(rule, text)) == 1


# -- KW001 / KW004: repeated phrases and density ----------------------------------

FILLER = (
    "The weather was mild for the season. Prices at the market stayed level. "
    "A new bakery opened near the square. Local schools reopened after the break. "
)


CARRIERS = (
    "Readers often search for {} online.",
    "Our shop reviews {} every month.",
    "A guide to {} should start with the budget.",
    "Prices of {} rose in the spring.",
    "Many people ask friends about {} first.",
    "Dealers say {} sell out quickly.",
    "Finding {} takes patience and luck.",
    "We compared {} across three regions.",
    "Insurers treat {} differently.",
    "Forums discuss {} at length.",
)


def spread(phrase: str, times: int) -> str:
    """``phrase`` once per paragraph, each with a filler sentence: repeated, not crammed."""
    paragraphs = [
        CARRIERS[i % len(CARRIERS)].format(phrase) + " " + FILLER.split(". ")[i % 4] + "."
        for i in range(times)
    ]
    return "\n\n".join(paragraphs)


def stuffed(phrase: str, times: int, filler_repeats: int) -> str:
    """``phrase`` in ``times`` different sentences, plus filler paragraphs."""
    sentences = [CARRIERS[i % len(CARRIERS)].format(phrase) for i in range(times)]
    filler = [
        f"Section {i}. " + FILLER.replace("mild", f"mild ({i})") for i in range(filler_repeats)
    ]
    return " ".join(sentences) + "\n\n" + "\n\n".join(filler)


def test_kw001_reports_each_excess_occurrence_with_count() -> None:
    text = stuffed("cheap used cars for new drivers", 7, 2)
    found = run_rule(RepeatedKeywordPhrase, text)
    assert len(found) == 3  # 7 occurrences, 4 allowed
    assert all("'cheap used cars for new drivers' used 7 times" in v.message for v in found)
    assert all(text[v.start : v.end].lower() == "cheap used cars for new drivers" for v in found)


def test_kw001_allowance_grows_with_length() -> None:
    # 7 occurrences in about 1,800 words: 5 per 1,000 words allows 9.
    text = stuffed("cheap used cars for new drivers", 7, 60)
    assert run_rule(RepeatedKeywordPhrase, text) == []


@pytest.mark.parametrize(
    "phrase",
    [
        "the prime minister",  # two words once "the" is set aside
        "interest rates",  # too short
        "Bank of England",  # a name, capitalised every time
    ],
)
def test_kw001_short_phrases_and_names_are_exempt(phrase: str) -> None:
    assert run_rule(RepeatedKeywordPhrase, stuffed(phrase, 8, 1)) == []


def test_kw001_min_words_option() -> None:
    text = stuffed("budget hiking boots", 8, 1)
    assert run_rule(RepeatedKeywordPhrase, text) == []
    rule = RepeatedKeywordPhrase(RepeatedKeywordPhrase.Options(min_words=3))
    assert run_rule(rule, text)


def test_kw004_reports_densest_phrase_once() -> None:
    text = stuffed("cheap used cars for new drivers", 6, 5)
    found = run_rule(KeywordDensity, text)
    assert len(found) == 1
    assert "'cheap used cars for new drivers' is" in found[0].message


def test_kw004_respects_density_option() -> None:
    text = stuffed("cheap used cars for new drivers", 6, 5)
    rule = KeywordDensity(KeywordDensity.Options(max_density=0.5))
    assert run_rule(rule, text) == []


def test_kw004_skips_short_documents() -> None:
    text = " ".join(["best budget hiking boots for wide feet are here."] * 4)
    assert run_rule(KeywordDensity, text) == []


def test_repeated_headline_line_counts_once() -> None:
    headline = "House where the poet was born will become a museum"
    body = (
        "The house where the poet was born will open to visitors next spring. "
        "Officials said the house where the poet was born needed a new roof. " + FILLER * 3
    )
    text = f"{headline}\n\n{body}\n\n{headline}\n"
    assert run_rule(KeywordDensity, text) == []


HONEST_TERMS = {
    "science": (
        "How carbon capture and storage works\n\n"
        "Carbon capture and storage is one of the least understood tools in climate "
        "policy. The idea is simple: a power station or a cement works catches the "
        "carbon dioxide in its flue gas before it reaches the air, compresses it, "
        "and pipes it deep underground into porous rock that can hold it for "
        "thousands of years.\n\n"
        "Carbon capture and storage has been tested since the 1990s, when a gas "
        "field in the North Sea began injecting a million tonnes a year beneath the "
        "seabed. Engineers say the chemistry is well known. The hard part is cost: "
        "catching the gas uses a lot of energy, so a plant fitted with carbon "
        "capture and storage has less electricity left to sell.\n\n"
        "Critics argue that carbon capture and storage lets polluters keep burning "
        "fossil fuels. Supporters reply that some industries, such as cement and "
        "steel, have no other way to cut their emissions, because the gas comes "
        "from the raw materials as well as the fuel.\n\n"
        "Governments now pay for carbon capture and storage through tax credits and "
        "long contracts. Whether carbon capture and storage becomes common will "
        "depend on those subsidies, on the price of emitting carbon, and on public "
        "trust that the gas stays where it is put.\n"
    ),
    "product": (
        "Review: Bose QuietComfort Ultra headphones\n\n"
        "I wore the Bose QuietComfort Ultra headphones every day for a month, on "
        "trains, in a noisy open-plan office and on two long flights. The noise "
        "cancelling is the best I have tried: the rumble of an engine simply "
        "disappears, and voices fade to a murmur.\n\n"
        "Comfort matters more than specifications on a long trip. The Bose "
        "QuietComfort Ultra headphones weigh about 250 grams and the ear cushions "
        "are soft, so I could keep them on for six hours without a sore head. The "
        "battery lasted a little over a day of use.\n\n"
        "Sound is warm, with a lot of bass. Fans of classical music may want to "
        "turn the bass down in the app. Calls were clear indoors but picked up wind "
        "outside.\n\n"
        "At full price the Bose QuietComfort Ultra headphones cost more than most "
        "rivals, and the case is bulky. Still, if you fly often and want silence, "
        "the Bose QuietComfort Ultra headphones are easy to recommend. I would buy "
        "the Bose QuietComfort Ultra headphones again.\n"
    ),
    "medical": (
        "Living with polycystic ovary syndrome\n\n"
        "Polycystic ovary syndrome (PCOS) is a common hormonal condition that "
        "affects how the ovaries work. Doctors think it affects around one woman in "
        "ten, although many never receive a diagnosis.\n\n"
        "The main features of polycystic ovary syndrome are irregular periods, "
        "higher levels of male hormones, and ovaries that contain many small "
        "follicles. Not everyone has all three. Symptoms usually appear in the late "
        "teens or early twenties and can include acne, weight gain and thinning "
        "hair.\n\n"
        "Nobody knows exactly what causes polycystic ovary syndrome. It runs in "
        "families, and insulin resistance seems to play a part: the body makes "
        "extra insulin, which in turn raises the level of testosterone.\n\n"
        "There is no cure, but the symptoms of polycystic ovary syndrome can be "
        "treated. Losing weight, where needed, often makes periods more regular. "
        "Doctors may offer the contraceptive pill, or a diabetes drug called "
        "metformin. Women with polycystic ovary syndrome who want to get pregnant "
        "can be helped with fertility treatment.\n"
    ),
    "legal": (
        "What a lasting power of attorney does\n\n"
        "A lasting power of attorney is a legal document that lets you choose "
        "someone you trust to make decisions for you if you can no longer make them "
        "yourself. The person you choose is called your attorney. There are two "
        "kinds: one covers money and property, the other covers health and care.\n\n"
        "You must make a lasting power of attorney while you still have mental "
        "capacity. Many people put it off until it is too late, and their families "
        "then have to apply to a court, which is slower and more expensive.\n\n"
        "The lasting power of attorney has to be registered before it can be used. "
        "Registration takes several weeks and there is a fee, although people on "
        "low incomes can ask for a reduction.\n\n"
        "Your attorney must act in your best interests and keep your money separate "
        "from their own. If you change your mind, you can cancel the lasting power "
        "of attorney at any time while you have capacity. Solicitors can help, but "
        "many people fill in the forms themselves. A lasting power of attorney is "
        "worth considering at any age.\n"
    ),
    "software": (
        "Making HTTP calls with the Python requests library\n\n"
        "Most Python programs that talk to a web service use the Python requests "
        "library. It hides the details of sockets, encodings and redirects behind a "
        "few friendly functions.\n\n"
        "To fetch a page, call get with the address and read the text attribute of "
        "the response. The Python requests library follows redirects by default and "
        "decodes the body for you, guessing the encoding from the headers.\n\n"
        "Sending data is just as short: pass a dictionary as json and the library "
        "sets the content type header. Sessions keep cookies between calls and "
        "reuse connections, which makes a script that sends hundreds of calls "
        "noticeably faster.\n\n"
        "One thing the Python requests library does not do is wait forever "
        "politely: without a timeout a call can hang. Always pass a timeout. For "
        "asynchronous code, where thousands of calls run at once, other libraries "
        "fit better, but for everyday scripts the Python requests library remains "
        "the usual choice.\n"
    ),
    "sports": (
        "Draw sets up a tense Champions League group stage\n\n"
        "The draw for the Champions League group stage was made in Monaco on "
        "Thursday, and it has given the holders a difficult start. They face last "
        "year's beaten finalists, a rising Dutch side and the champions of Serbia.\n\n"
        "The Champions League group stage runs from September to December. Each "
        "team plays the others in its group twice, home and away, and the top two "
        "go through to the knockout rounds in February.\n\n"
        "Smaller clubs see the Champions League group stage as a reward in itself, "
        "since every match brings television money. One Scottish club said reaching "
        "the Champions League group stage would pay its wage bill for a season.\n\n"
        "Coaches were cautious. One said nobody wins anything in the Champions "
        "League group stage, but plenty of teams lose everything there. The first "
        "matches will be played in three weeks.\n"
    ),
    "place": (
        "Rice, rivers and rising seas in the Mekong river delta\n\n"
        "The Mekong river delta in southern Vietnam grows about half of the "
        "country's rice and much of its fruit. Seventeen million people live there, "
        "on land that is rarely more than two metres above the sea.\n\n"
        "Farmers in the Mekong river delta have always lived with floods. The river "
        "spreads silt over the fields each year, which keeps the soil rich. But "
        "dams upstream now trap much of that silt, and sand mining deepens the "
        "channels, so the land is slowly sinking.\n\n"
        "Salt water is the second threat. In dry years the sea pushes dozens of "
        "kilometres inland, and rice cannot grow in salty soil. Some families in "
        "the Mekong river delta have switched to shrimp, which tolerate salt; "
        "others have left for factory jobs in the cities.\n\n"
        "Scientists say parts of the Mekong river delta could be under water by the "
        "end of the century unless sinking slows. The government plans new sluice "
        "gates, while villages plant mangroves along the coast.\n"
    ),
    "company": (
        "Halden Foods shareholders prepare for a difficult meeting\n\n"
        "Halden Foods, the frozen food maker, will hold its annual general meeting "
        "in Leeds on Friday, and investors expect a bruising day. Profits fell by a "
        "third last year and the share price has halved.\n\n"
        "At the annual general meeting shareholders will vote on the pay of the "
        "chief executive, who received a large bonus despite the losses. Two "
        "advisory firms have urged investors to vote against.\n\n"
        "The company says the annual general meeting will also approve a new chair. "
        "She has promised to review the factories and to sell the pizza business, "
        "which has lost money for five years.\n\n"
        "Small shareholders often use the annual general meeting to question the "
        "board in person, and several have said they will ask about the closure of "
        "a plant in Hull. Last year's AGM lasted four hours. The annual general "
        "meeting will be streamed online for those who cannot travel.\n"
    ),
    "tech": (
        "What a large language model actually does\n\n"
        "A large language model is a computer program trained to predict the next "
        "word in a piece of text. It learns by reading a huge amount of writing, "
        "from books to web pages, and adjusting billions of numbers until its "
        "guesses improve.\n\n"
        "Nothing in a large language model stores facts the way a database does. "
        "Instead, patterns in the training text leave traces in those numbers. That "
        "is why a large language model can write fluent paragraphs about almost "
        "anything, and also why it sometimes states things that are false with "
        "complete confidence.\n\n"
        "Researchers measure a large language model on exams, coding tasks and "
        "reading tests. Scores have risen quickly, but the tests can leak into the "
        "training data, which makes results look better than they are.\n\n"
        "Running a large language model costs a lot of electricity. Smaller models, "
        "tuned for one job, can be cheaper and nearly as good, and some now run on "
        "a phone. Companies still argue about how much of the progress comes from "
        "size and how much from better data.\n"
    ),
}

STUFFED_QUERIES = {
    "best_for": (
        "Best running shoes for flat feet\n\n"
        "Best running shoes for flat feet give your arches the support they need. "
        "Our guide to best running shoes for flat feet covers cushioning, fit and "
        "price, so you can choose the right pair.\n\n"
        "Runners with low arches often feel pain in the knees. Wearing the best "
        "running shoes for flat feet spreads the load and keeps the ankle straight. "
        "Many shops now stock best running shoes for flat feet in wide sizes.\n\n"
        "When you shop for best running shoes for flat feet, bring the socks you "
        "run in and try both shoes. Replace them every 500 miles. We update our "
        "list of best running shoes for flat feet each season, after testing on "
        "roads and trails.\n"
    ),
    "cheap_city": (
        "Looking for cheap flights london deals? You are in the right place. We "
        "compare airlines every day so you can find cheap flights london fares in "
        "seconds.\n\n"
        "London has six airports, and prices differ a lot between them. Travellers "
        "searching for cheap flights london should be flexible with dates and "
        "airports. Midweek departures are usually the lowest.\n\n"
        "Booking early helps, but last-minute cheap flights london offers appear "
        "too. Sign up for alerts and we will email you when cheap flights london "
        "prices drop. Our team checks hundreds of routes, and every fare we show "
        "includes taxes and fees. Start your search for cheap flights london now "
        "and save money on your next trip to the capital.\n\n"
        "Hand luggage rules vary between carriers, so read them before you pay. "
        "Some budget airlines charge for a cabin bag, while others include one "
        "small bag under the seat. Check in online to avoid airport fees, and print "
        "your boarding pass if the app is slow.\n"
    ),
    "top_year": (
        "Students need a machine that lasts through a degree. Our list of top "
        "gaming laptops 2024 covers every budget, from entry level to desktop "
        "replacement.\n\n"
        "We tested top gaming laptops 2024 for battery life, screen quality and "
        "heat. Each one ran the same set of games for an hour, and we measured the "
        "noise from the fans.\n\n"
        "Buying one of the top gaming laptops 2024 is a big investment, so check "
        "the warranty before you pay. Prices for top gaming laptops 2024 fall in "
        "the spring sales, and many shops match online offers.\n\n"
        "Our verdict on top gaming laptops 2024 is simple: spend more on the "
        "graphics card than on the processor. Come back soon, because we add new "
        "models to the list every month.\n"
    ),
    "near_me": (
        "Need an emergency plumber near me? A burst pipe can flood a kitchen in "
        "minutes, so it pays to know who to call before it happens.\n\n"
        "Our emergency plumber near me service covers the whole county, day and "
        "night. Every emergency plumber near me on our books is qualified, insured "
        "and carries spare parts in the van, so most jobs are fixed on the first "
        "visit.\n\n"
        "Prices are fixed before work starts. Calling an emergency plumber near me "
        "at night costs a little more, but there are no hidden charges. Turn off "
        "the water at the stopcock while you wait, and move anything valuable out "
        "of the way.\n\n"
        "Customers rate our emergency plumber near me team highly for speed and "
        "tidiness. Save our number in your phone today.\n\n"
        "Most leaks start small. A dripping joint under the sink or a damp patch on "
        "the ceiling is worth a look before it spreads, and a plumber can often fix "
        "it in less than an hour. Frozen pipes are common in January, so lag any "
        "pipes in the loft.\n"
    ),
    "how_to": (
        "How to lose belly fat fast\n\n"
        "how to lose belly fat fast is a question we hear every week. The answer "
        "starts in the kitchen: cut sugary drinks, eat more protein and fill half "
        "your plate with vegetables.\n\n"
        "Exercise helps too. If you want to know how to lose belly fat fast, "
        "combine walking with two short strength sessions a week, because muscle "
        "burns more energy at rest.\n\n"
        "Sleep matters more than most people think. Poor sleep raises hunger "
        "hormones, which is why our plan for how to lose belly fat fast includes a "
        "fixed bedtime.\n\n"
        "Finally, be patient. Nobody can tell you how to lose belly fat fast in a "
        "single day, but small habits add up. Follow our guide on how to lose belly "
        "fat fast for six weeks and measure your waist again.\n"
    ),
    "lower_starts": (
        "vitamin d deficiency symptoms\n\n"
        "vitamin d deficiency symptoms are easy to miss because they develop "
        "slowly. Tiredness, aching bones and low mood are common, and many people "
        "put them down to stress or a busy winter.\n\n"
        "vitamin d deficiency symptoms in children\n\n"
        "Children can show vitamin d deficiency symptoms such as slow growth or "
        "soft bones. A simple blood test confirms the level, and drops are cheap.\n\n"
        "vitamin d deficiency symptoms in adults\n\n"
        "Adults often notice muscle weakness first. vitamin d deficiency symptoms "
        "can also include hair loss and wounds that heal slowly. Spending time "
        "outdoors in summer and eating oily fish help, and many doctors suggest a "
        "supplement from October to March.\n"
    ),
    "bare_compound": (
        "Homeowners who compare solar panel installation cost across firms can save "
        "hundreds of pounds. Quotes vary with roof size, the number of panels and "
        "the type of inverter.\n\n"
        "Most firms include scaffolding in their solar panel installation cost, but "
        "some add it later. Ask whether the price covers the inverter and the "
        "wiring, and whether the firm is registered.\n\n"
        "Grants can lower solar panel installation cost for families on low "
        "incomes, and some councils run group buying schemes. Homeowners should "
        "also check whether they need planning permission.\n\n"
        "Over twenty years, panels usually pay back solar panel installation cost "
        "through lower bills and payments for exported power. A battery adds to "
        "solar panel installation cost but lets you use more of your own power in "
        "the evening.\n"
    ),
    "lower_place": (
        "Planning a break in Cornwall with your dog? There are more options than "
        "ever. Our pick of dog friendly hotels cornwall has something for every "
        "budget, from seaside inns to country houses.\n\n"
        "Many dog friendly hotels cornwall allow pets in the bar and the garden but "
        "not the dining room, so check before you book. Some provide beds, bowls "
        "and treats.\n\n"
        "The best time to visit is spring, when the beaches are open to dogs. Most "
        "dog friendly hotels cornwall charge a small fee per night for each pet.\n\n"
        "Browse our list of dog friendly hotels cornwall and book directly to get "
        "the lowest price. Cornwall has hundreds of miles of coast path to explore, "
        "and all our dog friendly hotels cornwall are close to a walk.\n"
    ),
    "buy_online": (
        "Want to buy bitcoin online uk without paying high fees? This page explains "
        "the options.\n\n"
        "The simplest way to buy bitcoin online uk is through a regulated exchange. "
        "You will need photo identification and a bank account. Most exchanges "
        "charge a percentage of each purchase, and some add a spread on top.\n\n"
        "Before you buy bitcoin online uk, think about storage. Coins left on an "
        "exchange can be lost if it fails, so many people move them to a hardware "
        "wallet.\n\n"
        "Prices swing widely from day to day. Only buy bitcoin online uk with money "
        "you can afford to lose, and remember that gains may be taxable. We list "
        "every platform where you can buy bitcoin online uk safely.\n"
    ),
}

# -- KW001 / KW004: terms are not stuffed keywords -------------------------------------
#
# Honest articles that repeat a technical term, a product or a place densely (each
# trips KW001 or KW004 when terms are not exempted), and stuffed pages of several
# shapes that must stay flagged.  Written for these tests.

PHRASE_RULES = (RepeatedKeywordPhrase, KeywordDensity)
NO_TERMS = (
    RepeatedKeywordPhrase(RepeatedKeywordPhrase.Options(exempt_terms=False)),
    KeywordDensity(KeywordDensity.Options(exempt_terms=False)),
)


def phrase_flags(text: str, rules: tuple[Rule | type[Rule], ...] = PHRASE_RULES) -> list[str]:
    return [v.message for rule in rules for v in run_rule(rule, text)]


@pytest.mark.parametrize("text", HONEST_TERMS.values(), ids=HONEST_TERMS.keys())
def test_term_heavy_honest_article_is_not_flagged(text: str) -> None:
    assert phrase_flags(text, NO_TERMS)  # dense enough to trip the density alone
    assert phrase_flags(text) == []
    assert kw_lines(text) == []


@pytest.mark.parametrize("text", STUFFED_QUERIES.values(), ids=STUFFED_QUERIES.keys())
def test_stuffed_query_is_still_flagged(text: str) -> None:
    assert phrase_flags(text)


CCS = "carbon capture and storage"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # no sign either way: flagged, as density alone decides
        (spread(CCS, 7), True),
        # signs of a term
        (spread(CCS, 7) + "\n\nThe plan relies on CCS.", False),  # acronym
        (f"{CCS.capitalize()} is costly.\n\n" + spread(CCS, 6), False),  # casing
        (spread(f"the {CCS} plan", 7), False),  # determiner
        (spread("Harlow grain storage depot", 7), False),  # name before a noun
        (spread("the Euro 2028 qualifying campaign", 7), False),  # a name's year
        (spread("the Best Buy returns desk", 7), False),  # a name's "best"
        # a sign of a query outweighs signs of a term
        (f"{CCS} is costly.\n\n" + spread(CCS, 6) + "\n\nIt is CCS.", True),
        (spread(f"the best {CCS}", 7) + "\n\nIt is CCS.", True),
        (spread("the qualifying campaign 2028 dates", 7), True),  # a query's year
        (spread(f"the {CCS} harlow", 7) + "\n\nWe met in Harlow.", True),
        # crammed into one paragraph, however term-like its casing or acronym
        (stuffed(CCS, 7, 1) + "\n\nThe plan relies on CCS.", True),
        (f"{CCS.capitalize()} is costly. " + stuffed(CCS, 6, 1), True),
    ],
)
def test_term_and_query_signs(text: str, flagged: bool) -> None:
    assert run_rule(NO_TERMS[0], text)
    assert bool(run_rule(RepeatedKeywordPhrase, text)) is flagged


@pytest.mark.parametrize(
    ("acronym", "words", "expected"),
    [
        ("PCOS", ["POLYCYSTIC", "OVARY", "SYNDROME"], True),
        ("COPD", ["CHRONIC", "OBSTRUCTIVE", "PULMONARY", "DISEASE"], True),
        ("CCS", ["CARBON", "CAPTURE", "STORAGE"], True),
        ("CS", ["CARBON", "CAPTURE", "STORAGE"], False),  # an initial missing
        ("CPS", ["CARBON", "CAPTURE", "STORAGE"], False),  # a letter not in order
        ("CCSX", ["CARBON", "CAPTURE", "STORAGE"], False),  # a letter left over
    ],
)
def test_acronym_takes_every_initial_in_order(
    acronym: str, words: list[str], expected: bool
) -> None:
    assert _abbreviates(acronym, words) is expected


def test_hard_wrapped_line_start_is_not_a_sentence_start() -> None:
    text = "Supporters of\ncarbon capture say it works.\n\ncarbon capture is old."
    t = tokens(Document(text))
    assert _position(t, t.raw.index("carbon")) == _NEUTRAL
    assert _position(t, len(t.raw) - 4) == _START


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("It works. carbon capture is old.", _START),
        ("Some, e.g. carbon capture, are old.", _NEUTRAL),  # an abbreviation
        ("The U.S. carbon capture plan.", _NEUTRAL),
        ("Key facts: carbon capture is old.", _NEUTRAL),  # after a colon
        ("- carbon capture is old.", _NEUTRAL),  # a list item
        ('## "carbon capture" explained', _START),  # a heading
        ("The carbon capture plan.", _MID),
    ],
)
def test_where_an_occurrence_stands(text: str, where: int) -> None:
    t = tokens(Document(text))
    assert _position(t, t.low.index("carbon")) == where


# -- shared token table -------------------------------------------------------------


def test_tokens_segments_lines_and_offsets() -> None:
    text = "Visit openai.com today: it is new.\nAnother line - with a dash, 3.5 times."
    doc = Document(text)
    t = tokens(doc)
    assert t.raw[:3] == ["Visit", "openai.com", "today"]
    assert t.segment[2] != t.segment[3]  # the colon ends a segment
    assert t.lines[t.raw.index("Another")] == 1
    assert "3.5" in t.raw
    for i, word in enumerate(t.raw):
        assert text[t.start(i) : t.end(i)] == word


# -- samples and real articles --------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "kw-business-story.txt",
        "kw-tech-explainer.txt",
        "kw-clean-profile.txt",
        "kw-term-review.txt",  # a product named in full six times in 230 words
    ],
)
def test_clean_samples_have_no_kw_flags(name: str) -> None:
    assert kw_lines((ROOT / "samples" / name).read_text(encoding="utf-8")) == []


def test_stuffed_sample_is_flagged_on_every_pasted_line() -> None:
    text = (ROOT / "samples" / "kw-stuffed-guide.txt").read_text(encoding="utf-8")
    assert {3, 7, 13, 15} <= set(kw_lines(text))
    assert 11 not in kw_lines(text)  # properly cased prose


_seed = seed_text


def test_seed_001_pasted_queries() -> None:
    lines = kw_lines(_seed("001"))
    assert {4, 9, 21, 25} <= set(lines)
    assert 13 not in lines


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_seeds_that_name_people_naturally_are_clean(prefix: str) -> None:
    assert kw_lines(_seed(prefix)) == []


def test_news_corpus_rate_is_low() -> None:
    assert sum(flags_per_thousand_words(rule, "corpus/news") for rule in KW_RULES) < 0.1


def test_kw002_min_cased_option() -> None:
    text = MISCASED[1][0]
    assert len(run_rule(MiscasedKeyword, text)) == 1
    strict = MiscasedKeyword(MiscasedKeyword.Options(min_cased=2))
    assert run_rule(strict, text) == []
    twice = text.replace("the firm", "the firm, as Marco Ruiz admits,")
    assert len(run_rule(strict, twice)) == 1


@pytest.mark.parametrize("path", sorted((ROOT / "samples").glob("*.*")), ids=lambda p: p.name)
def test_token_offsets_align_with_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    t = tokens(Document(text))
    assert len(t.raw) == len(t.low) == len(t.shape) == len(t.segment) == len(t.lines)
    step = max(1, len(t.raw) // 50)
    for i in range(0, len(t.raw), step):
        assert text[t.start(i) : t.end(i)] == t.raw[i]
        assert t.lines[i] == text.count("\n", 0, t.start(i))


def test_kw001_reports_one_occurrence_once_with_its_longest_phrase() -> None:
    sample = Path(__file__).resolve().parent.parent / "samples" / "kw-repeated-phrase.txt"
    violations = run_rule(RepeatedKeywordPhrase, sample.read_text(encoding="utf-8"))
    starts = [v.start for v in violations]
    assert len(violations) >= 2 and len(starts) == len(set(starts))
    assert any("for home office" in v.message for v in violations)


# -- fast paths agree with the plain ones ----------------------------------------------

_TRICKY = (
    "Elon Musk elon musk OpenAI openai's Bank of England the why does ΟΔΟΣ İstanbul 3.5 "
    "U.S. e-mail don't it’s a.b.c -- - ' ’ . , ; : ! ? … | # @ x_y \u00a0 ǅ"
).split(" ")
_SEPARATORS = (" ", " ", " ", "", "\n", "\n\n", ". ", "? ", ", ", " - ", "\t–\t", ".\n")


def _tricky_text(rng: random.Random) -> str:
    return "".join(rng.choice(_TRICKY) + rng.choice(_SEPARATORS) for _ in range(rng.randrange(60)))


def _two_pass_tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """Words, segments and lines as first computed: breaks and line ends
    replaced by control characters, then one ``findall``."""
    marked = _BREAK_RE.sub("\x00", text.replace("\n", "\x01")).replace("\x01", "\x00\x01")
    items = re.findall(rf"{WORD_RE.pattern}|[\x00\x01]", marked)
    is_word = [item not in "\x00\x01" for item in items]
    segment = list(compress(accumulate(item == "\x00" for item in items), is_word))
    lines = list(compress(accumulate(item == "\x01" for item in items), is_word))
    return list(compress(items, is_word)), segment, lines


def test_one_scan_tokens_match_the_two_pass_marking() -> None:
    rng = random.Random(11)
    for _ in range(500):
        text = _tricky_text(rng)
        t = _build_tokens(text)
        assert (t.raw, list(t.segment), list(t.lines)) == _two_pass_tokens(text)


def test_ascii_token_pattern_finds_what_the_word_pattern_finds() -> None:
    """The fast pattern is used only where no letter or digit is past ASCII;
    there it finds the same words and marks, and the table built from them
    describes each word as the per-word functions do."""
    rng = random.Random(30)
    chars = "aZ09_'’.-—–…|!?;:,\n\t  £“”#é"
    texts = ["".join(rng.choice(chars) for _ in range(rng.randrange(80))) for _ in range(2000)]
    texts += [_tricky_text(rng) for _ in range(500)] + _real_texts()
    ascii_only = 0
    for text in texts:
        if _WIDE_ALNUM_RE.search(text) is None:
            assert _ASCII_TOKEN_RE.findall(text) == _TOKEN_RE.findall(text)
            ascii_only += 1
        t = _build_tokens(text)
        assert t.low == [strip_possessive(w.lower()) for w in t.raw]
        assert list(t.shape) == [_shape(w) for w in t.raw]
        assert (t.raw, list(t.segment), list(t.lines)) == _two_pass_tokens(text)
    assert 500 < ascii_only < len(texts)


def test_long_text_is_tokenised_in_chunks_like_a_short_one(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(12)
    text = "".join(_tricky_text(rng) for _ in range(40))
    whole = _build_tokens(text)
    monkeypatch.setattr("rules._kw_tokens._CHUNK_CHARS", 50)
    chunked = _build_tokens(text)
    assert chunked.raw == whole.raw and chunked.low == whole.low and chunked.shape == whole.shape
    assert chunked.segment == whole.segment and chunked.lines == whole.lines


def _naive_ngram_starts(words: list[str], segment: list[int], n: int, min_count: int) -> list[int]:
    frequent = {w for w, c in Counter(words).items() if c >= min_count}
    grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
    counts = Counter(g for g in grams if all(w in frequent for w in g))
    return [
        i
        for i, g in enumerate(grams)
        if counts[g] >= min_count and segment[i] == segment[i + n - 1]
    ]


def _random_words(rng: random.Random) -> tuple[list[str], list[int]]:
    """Words from a small alphabet (so n-grams repeat) and their segment ids."""
    size = rng.randrange(0, 80)
    words = [rng.choice("abcdef") for _ in range(size)]
    return words, list(accumulate(rng.random() < 0.15 for _ in range(size)))


def test_frequent_ngram_starts_agree_with_the_definition() -> None:
    rng = random.Random(13)
    for _ in range(300):
        words, segment = _random_words(rng)
        n, min_count = rng.randrange(1, 4), rng.randrange(2, 6)
        frequent = {w for w, c in Counter(words).items() if c >= min_count}
        found = frequent_ngram_starts(words, segment, n, min_count, frequent)
        assert found == _naive_ngram_starts(words, segment, n, min_count)


def test_ngram_counts_answer_every_higher_threshold() -> None:
    """Counts kept from one threshold give the starts of any higher one."""
    rng = random.Random(17)
    for _ in range(300):
        words, segment = _random_words(rng)
        n, base = rng.randrange(1, 4), rng.randrange(1, 5)
        frequent = {w for w, c in Counter(words).items() if c >= base}
        table = count_ngrams(words, n, base, frequent)
        for min_count in range(base, base + 4):
            expected = _naive_ngram_starts(words, segment, n, min_count)
            assert ngram_starts(table, segment, min_count) == expected
        with pytest.raises(ValueError):
            ngram_starts(table, segment, base - 1)


def test_all_of_flags_runs_of_set_flags() -> None:
    rng = random.Random(18)
    for _ in range(300):
        flags = bytes(rng.random() < 0.7 for _ in range(rng.randrange(0, 40)))
        n = rng.randrange(1, 5)
        expected = bytes(i + n <= len(flags) and all(flags[i : i + n]) for i in range(len(flags)))
        assert all_of(flags, n) == expected


def test_frequent_phrases_are_the_frequent_occurrences() -> None:
    """The level-by-level search finds exactly the phrases ``phrase_occurrences``
    lists ``min_count``+ times, with the same positions."""
    rng = random.Random(19)
    found = 0
    for _ in range(500):
        size = rng.randrange(0, 120)
        words = [rng.choice("aaabbc") for _ in range(size)]
        segment = list(accumulate(rng.random() < 0.08 for _ in range(size)))
        n, min_count, max_words = rng.randrange(1, 4), rng.randrange(1, 6), rng.randrange(3, 10)
        starts = _naive_ngram_starts(words, segment, n, min(min_count, 3))
        every = phrase_occurrences(words, segment, starts, n, max_words)
        expected = {p: pos for p, pos in every.items() if len(pos) >= min_count}
        assert frequent_phrases(words, segment, starts, n, max_words, min_count) == expected
        found += len(expected)
    assert found > 1000


@pytest.mark.parametrize("long_text", [0, 10**9])
def test_repeated_phrases_do_not_depend_on_what_was_asked_before(
    long_text: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The n-gram counts a document keeps for one threshold answer any other
    exactly as a fresh count does, asked in any order."""
    monkeypatch.setattr("rules._kw_phrases.LONG_TEXT_WORDS", long_text)
    rng = random.Random(20)
    phrases = ["best hiking boots for beginners", "the annual general meeting", "of the"]
    found = 0
    for _ in range(60):
        text = ". ".join(
            " ".join(rng.choice([*phrases, "walks", "rain", "boots", "we said"]) for _ in range(4))
            for _ in range(rng.randrange(5, 60))
        )
        asks = [(rng.randrange(2, 5), rng.randrange(2, 12)) for _ in range(4)]
        found += _shared_answers_fresh(text, asks)
    assert found > 50


def _shared_answers_fresh(text: str, asks: list[tuple[int, int]]) -> int:
    """Ask one token table each ``(min_words, min_count)`` in turn: every answer must
    be what a fresh table gives.  Returns how many phrases were found."""
    shared = _build_tokens(text)
    found = 0
    for min_words, min_count in asks:
        fresh = repeated_phrases(_build_tokens(text), min_words, min_count)
        assert repeated_phrases(shared, min_words, min_count) == fresh
        found += len(fresh)
    return found


def test_names_learned_for_some_first_words_are_those_of_all() -> None:
    rng = random.Random(21)
    words = ["Elon", "Musk", "OpenAI", "Bank", "of", "England", "office", "Office", "for"]
    words += ["National", "Statistics", "said", "that", "it", "was", "new", ".", "\n", "the"]
    found = 0
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(80)))
        t = _build_tokens(text + " and the rest of the clause goes on here")
        every = learned_names(t)
        firsts = set(rng.sample(["elon", "musk", "openai", "bank", "england", "office"], 3))
        expected = {key: forms for key, forms in every.items() if key[0] in firsts}
        assert learned_names(t, firsts) == expected
        found += len(expected)
    assert found > 100


def test_prose_segments_hold_enough_lower_case_words() -> None:
    rng = random.Random(22)
    words = ["the", "dog", "Ran", "FAST", "iPhone", "3", ".", "\n", "so", "it", "Was"]
    for _ in range(300):
        t = _build_tokens(" ".join(rng.choice(words) for _ in range(rng.randrange(60))))
        lower = Counter(s for s, shape in zip(t.segment, t.shape, strict=True) if shape == LOWER)
        for segment in sorted(set(t.segment), key=lambda _: rng.random()):
            assert in_prose(t, segment) == (lower[segment] >= MIN_PROSE_WORDS)


# -- KW002's fast paths agree with the plain walk over every capital ----------------


def _plain_learned_names(t: Tokens) -> dict[tuple[str, ...], Counter[tuple[str, ...]]]:
    """``learned_names`` as first written: every capital in running text off
    Title Case lines, left to right, each name hiding the capitals inside it."""
    lower = Counter(s for s, shape in zip(t.segment, t.shape, strict=True) if shape == LOWER)
    seen: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}
    after = -1
    for i in range(len(t.low)):
        if t.shape[i] not in (TITLE, CAMEL, UPPER) or i <= after:
            continue
        if lower[t.segment[i]] < MIN_PROSE_WORDS or t.title_line(i):
            continue
        j = after = _name_end(t, i)
        if j == i and (t.shape[i] != CAMEL or t.seg_first(i)):
            continue
        if j - i >= MAX_NAME_WORDS or all(t.shape[k] == UPPER for k in range(i, j + 1)):
            continue
        for last in {j, _name_head(t, i, j)}:
            key = tuple(t.low[i : last + 1])
            if (last > i and any(w not in common_words() for w in key)) or t.shape[i] == CAMEL:
                forms = seen.setdefault(key, Counter())
                forms[tuple(map(strip_possessive, t.raw[i : last + 1]))] += 1
    return seen


def _plain_lower_case_firsts(t: Tokens) -> set[str]:
    """Words written in lower case (a possessive aside), but function words."""
    written = {w for w, shape in zip(t.raw, t.shape, strict=True) if shape == LOWER}
    written |= {w[:-2] for w in written if w.endswith(("'s", "’s"))}
    return written - stopwords()


def _name_texts(rng: random.Random) -> list[str]:
    """Random text rich in names, connectors, breaks and Title Case lines."""
    words = ["Elon", "Musk", "OpenAI", "Bank", "of", "England", "iPhone", "NASA", "the", "and"]
    words += ["said", "that", "it", "was", "new", "here", "–", ",", ".", "\n", "de", "Paris"]
    words += ["elon", "musk's", "Musk's", "openai", "england", "paris", "BANK", "Of", ":"]
    return [
        " ".join(rng.choice(words) for _ in range(rng.randrange(80)))
        + " and the rest of the clause goes on here"
        for _ in range(400)
    ]


def _real_texts() -> list[str]:
    return real_texts("corpus/news", "corpus/web-pages")


def test_names_are_learned_as_the_plain_walk_learns_them() -> None:
    found = 0
    for text in _name_texts(random.Random(14)) + _real_texts():
        t = _build_tokens(text)
        expected = _plain_learned_names(t)
        assert learned_names(t) == expected
        firsts = _plain_lower_case_firsts(t)
        capitals = {w for w, s in zip(t.low, t.shape, strict=True) if s in (TITLE, CAMEL, UPPER)}
        assert _lower_case_firsts(t) == firsts & capitals
        assert learned_names(t, _lower_case_firsts(t)) == {
            key: forms for key, forms in expected.items() if key[0] in firsts
        }
        found += len(expected)
    assert found > 1000


@pytest.mark.parametrize(("chunk", "indexed_from"), [(5, 10**9), (11, 10**9), (1 << 16, 0)])
def test_query_matches_find_what_the_query_pattern_finds(
    chunk: int, indexed_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scanned in chunks of any size, or looked up in the word index."""
    monkeypatch.setattr("rules._kw_queries._CHUNK_CHARS", chunk)
    monkeypatch.setattr("rules._kw_queries._INDEXED_FROM", indexed_from)
    rng = random.Random(15)
    words = ["why", "WHY", "Why", "how", "When", "wheRe", "does", "DID", "is", "can", "elon", "x"]
    words += ["-why", "’how", "xwhy", "İ", "?", "_how", "how_", "whyﬁ", "Whyʼ", "ẞ", "wHeN"]
    separators = [" ", " ", " ", "  ", "\t", "\n", "", "."]
    found = 0
    for _ in range(2000):
        text = "".join(rng.choice(words) + rng.choice(separators) for _ in range(rng.randrange(20)))
        expected = [m.span() for m in _query_re().finditer(text)]
        assert [m.span() for m in query_matches(text)] == expected
        found += len(expected)
    assert found > 200


def test_query_matches_in_real_text_are_those_of_the_pattern() -> None:
    """Real articles are long enough to be looked up in the word index."""
    texts = shared_texts("corpus/news") + shared_texts("corpus/web-pages")  # or skip
    found = 0
    for text in texts:
        text += " Why does the market crash happen because people panic."
        expected = [m.span() for m in _query_re().finditer(text)]
        assert [m.span() for m in query_matches(text)] == expected
        found += len(expected)
    assert found >= len(texts)


def test_word_table_matches_the_per_word_functions() -> None:
    rng = random.Random(16)
    pieces = [
        "a",
        "B",
        "ſ",
        "S",
        "s",
        "'",
        "’",
        "Σ",
        "σ",
        "İ",
        "ǅ",
        "1",
        "x",
        "Y",
        "é",
        "ß",
        "-",
        ".",
    ]
    words = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6))) for _ in range(5000)]
    words = [w for w in words if " " not in w]
    assert lower_forms(words) == [strip_possessive(w.lower()) for w in words]
    assert list(shapes(words)) == [_shape(w) for w in words]


def test_title_lines_are_lines_mostly_capitalised() -> None:
    rng = random.Random(23)
    words = ["the", "dog", "Ran", "FAST", "iPhone", "3", "\n", "\n\n", "Was", "x-y", "ok"]
    found = 0
    for _ in range(300):
        t = _build_tokens(" ".join(rng.choice(words) for _ in range(rng.randrange(60))))
        per_line = Counter(t.lines)
        lower = Counter(
            line for line, s in zip(t.lines, t.shape, strict=True) if s in (LOWER, OTHER)
        )
        expected = {
            line for line, n in per_line.items() if lower[line] <= (0 if n < 3 else 0.3 * n)
        }
        assert t.title_lines == expected
        found += len(expected)
    assert found > 200


def test_control_characters_are_neither_breaks_nor_line_ends() -> None:
    """A stray NUL or \\x01 in a text (the tokeniser once used them as marks)
    changes no segment or line, and reported offsets still point at the words."""
    plain = "Best hiking boots for beginners. " * 6
    marked = plain.replace("for", "for\x01", 3).replace("Best", "\x00Best", 2)
    t = _build_tokens(marked)
    assert list(t.segment) == list(_build_tokens(plain).segment)
    assert set(t.lines) == {0}
    for i, word in enumerate(t.raw):
        assert marked[t.start(i) : t.end(i)] == word


# -- the token table's on-demand parts agree with the whole-text ones ---------------


def _token_texts() -> list[str]:
    rng = random.Random(24)
    words = ["the", "dog", "Ran", "FAST", "iPhone", "3", "\n", "\n\n", "Was", "x-y", "ok", "."]
    words += ["Best", "Boots", "for", "Beginners", "musk's", "–", " - ", "|", "e.g."]
    randoms = [" ".join(rng.choice(words) for _ in range(rng.randrange(80))) for _ in range(300)]
    return randoms + _real_texts()


def test_title_line_of_a_word_is_its_line_in_title_lines() -> None:
    rng = random.Random(25)
    for text in _token_texts():
        t = _build_tokens(text)
        order = sorted(range(len(t.low)), key=lambda _: rng.random())
        asked = [t.title_line(i) for i in order]
        assert asked == [t.lines[i] in t.title_lines for i in order]
        assert [t.line(i) for i in order] == [t.lines[i] for i in order]


def test_word_offsets_asked_in_any_order_are_the_word_pattern_s() -> None:
    rng = random.Random(26)
    for text in _token_texts():
        t = _build_tokens(text)
        expected = [m.start() for m in WORD_RE.finditer(text)]
        order = sorted(range(len(t.low)), key=lambda _: rng.random())[: rng.randrange(50)]
        assert [t.start(i) for i in order] == [expected[i] for i in order]


def test_word_offsets_read_from_the_document_s_words_are_the_scanned_ones() -> None:
    """Once the document's words are found, offsets are read from them."""
    for text in _token_texts():
        doc = Document(text)
        t = tokens(doc)
        scanned = [t.start(i) for i in range(len(t.low))]
        doc.words  # noqa: B018  (found now, and read from here on)
        fresh = tokens(Document(text))
        assert [tokens(doc).start(i) for i in range(len(t.low))] == scanned
        assert scanned == [fresh.start(i) for i in range(len(t.low))]
        assert scanned == list(doc.words.starts)


def test_word_table_describes_new_and_known_words_as_the_per_word_functions() -> None:
    """Words are described in batches of new ones, the table cleared when full."""
    table = _WordTable(limit=300)
    rng = random.Random(27)
    pieces = ["a", "B", "ſ", "S", "'s", "’S", "Σ", "σ", "İ", "ǅ", "1", "x", "Y", "é", "-", "."]
    vocabulary = [
        "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 5))) for _ in range(500)
    ]
    for _ in range(60):
        raw = [w for w in rng.sample(vocabulary, rng.randrange(1, 200)) if w[0].isalnum()]
        raw += raw[: len(raw) // 2]
        low, shape = table.describe(raw)
        assert low == [strip_possessive(w.lower()) for w in raw]
        assert list(shape) == [_shape(w) for w in raw]
        assert len(table.low) <= 300 or len(set(raw)) > 300


def test_word_table_codes_marks_and_words_new_or_known() -> None:
    """Marks are coded as breaks or line ends, words by shape, whether the
    new words of a text are few (filled in at their places) or many."""
    table = _WordTable(limit=400)
    rng = random.Random(31)
    texts = [_tricky_text(rng) for _ in range(200)]
    texts += ["Elon Musk said it. " * 30 + f"Word{k} and Zeta’s x{k}." for k in range(20)]
    texts += _real_texts()
    for text in texts:
        items = _TOKEN_RE.findall(text)
        expected = [
            (LINE_END if item == "\n" else BREAK) if _BREAK_RE.fullmatch(item) else _shape(item)
            for item in items
        ]
        assert list(table.codes(items)) == expected
        words = [item for item in items if not _BREAK_RE.fullmatch(item)]
        assert [table.low[w] for w in words] == [strip_possessive(w.lower()) for w in words]


def test_repeated_phrases_of_real_text_do_not_depend_on_what_was_asked_before() -> None:
    """KW001 and KW004 share the phrases found at the lower threshold."""
    texts = shared_texts("corpus/news") + shared_texts("corpus/web-pages")  # or skip
    found = 0
    for text in texts:
        total = len(_build_tokens(text).low)
        asks = [(4, max(5, int(5 * total / 1000) + 1)), (3, max(4, int(0.03 * total / 8) + 1))]
        asks += [(3, 2), (4, 3), (2, 4)]
        found += _shared_answers_fresh(text, asks)
    assert found > 100


def test_repeated_lines_and_counted_occurrences_are_the_plain_ones() -> None:
    """Repeated lines (counted in C) and the occurrences off them (read in C)."""
    rng = random.Random(33)
    lines = ["Best boots", "best boots", "  Best boots ", "x", "", "Related articles", "Tea"]
    texts = ["\n".join(rng.choice(lines) for _ in range(rng.randrange(30))) for _ in range(300)]
    found = 0
    for text in texts + _real_texts():
        stripped = [line.strip() for line in text.split("\n")]
        seen: set[str] = set()
        expected = set()
        for index, line in enumerate(stripped):
            if stripped.count(line) > 1 and len(line) > 1 and line in seen:
                expected.add(index)
            seen.add(line)
        t = _build_tokens(text)
        assert t.repeated_lines == expected
        positions = list(range(0, len(t.low), 3))
        assert _counted(t, positions, expected) == [
            p for p in positions if t.line(p) not in expected
        ]
        found += len(expected)
    assert found > 100


def test_keyword_cores_kept_for_the_process_are_those_of_the_words() -> None:
    rng = random.Random(32)
    phrases = ["best hiking boots for beginners", "the annual general meeting", "of the"]
    texts = [
        ". ".join(
            " ".join(rng.choice([*phrases, "walks", "rain"]) for _ in range(4)) for _ in range(40)
        )
        for _ in range(20)
    ]
    for text in texts + _real_texts()[:20]:
        repeated_phrases(_build_tokens(text), 3, 3)
    assert len(_CORES) > 20
    assert all(core == _keyword_core(words, stopwords()) for words, core in _CORES.items())


def test_phrases_asked_with_a_density_are_none_only_when_none_exceeds_it() -> None:
    rng = random.Random(28)
    phrases = ["best hiking boots for beginners", "the annual general meeting", "of the"]
    texts = [
        ". ".join(
            " ".join(rng.choice([*phrases, "walks", "rain", "boots", "we said"]) for _ in range(4))
            for _ in range(rng.randrange(5, 60))
        )
        for _ in range(60)
    ]
    kept = 0
    for text in texts + _real_texts():
        t = _build_tokens(text)
        for min_words, min_count, density in [(3, 4, 0.03), (3, 2, 0.01), (2, 3, 0.05)]:
            every = repeated_phrases(t, min_words, min_count)
            asked = repeated_phrases(t, min_words, min_count, density)
            dense = [p for p in every if len(p.positions) * len(p.words) / len(t.low) > density]
            # (the phrases over the density, in the same order, and maybe some before them)
            assert asked == every[: len(asked)] and dense == [p for p in asked if p in dense]
            assert bool(dense) <= bool(asked)
            kept += bool(asked)
    assert kept > 20


def test_acronyms_are_those_the_plain_walk_finds() -> None:
    rng = random.Random(29)
    words = ["CCS", "LLMs", "AGM's", "NASA", "The", "iPhone", "UK", "ABs", "A", "PCOS", "Ltd"]
    words += ["ABCDEFGHIJ", "X1Y", "CCSS", "AbC", "ÉTÉ", "the", "and", "ßS"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(40))) for _ in range(300)]
    found = 0
    for text in texts + _real_texts():
        t = _build_tokens(text)
        expected = set()
        for word in {w for w, s in zip(t.raw, t.shape, strict=True) if s in (TITLE, CAMEL, UPPER)}:
            if not word[1:2].isupper():
                continue
            form = strip_possessive(word) if word[-1] in "sS" else word
            form = form[:-1] if form.endswith("s") else form
            if 3 <= len(form) <= 8 and form.isalpha() and form.isupper():
                expected.add(form)
        assert _acronyms(t)[0] == expected
        found += len(expected)
    assert found > 300
