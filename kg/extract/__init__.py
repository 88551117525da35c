"""Grammar-based extraction of officials, posts, bodies, meetings and documents.

The rules are small named functions over one sentence; each carries its own
example as a doctest.  They rely on word lists in ``kg/data`` (roles, surnames,
administrative divisions, meeting nouns, verbs) rather than on anything an
article in the sample corpus says, so they carry over to articles nobody here
has read.  ``extract`` runs them over an article, resolves bare places
(市委 -> 宁波市委) against the article's own locale, and turns the matches into
Facts with evidence.

The modules, lowest first (each imports only modules above it in this list):

- ``lexicon``: ``lex()``, the word lists of ``kg/data`` compiled into patterns,
  and the character classes every rule shares.
- ``names``: where a person's name starts and ends; names told from words.
- ``places``: the article's ``Locale`` (which province, city, county it is
  about); towns, villages and zones.
- ``institutions``: the university, hospital or company whose own news the
  article is (学校召开党委常委会 under 来源:某某大学新闻网): its bare organs and
  head roles (党委, 发展规划处, 校长) take its name.
- ``bodies``: ``parse_body``: an expression (区委统战部) into a ``Body`` with its
  parents, bare places resolved against the locale.
- ``titles``: ``parse_titles``: a title sequence (市委常委、统战部长) into
  (body, role) pairs; ``Mention``; lists of names.
- ``meetings``: the meetings a sentence convenes or chairs (``MeetingHit``),
  the documents it discusses, its date.
- ``state``: ``_Article``, the per-article state the rules share and the place
  where facts and evidence are made.
- ``people``: ``people_in``: the person mentions of a sentence with their titles.
- ``rules``: ``_extract_sentence``: the rules that turn one sentence's mentions
  and meetings into facts (holds, postIn, held, presided, attended, spokeAt, …).
- ``article``: ``extract``: sentences in order through the rules, then the
  article's meeting nodes merged.

How a sentence flows: ``extract`` builds an ``_Article`` (locale from the text
and metadata, publication date) and hands each sentence to ``_extract_sentence``.
That finds the meetings the sentence convenes (``meetings_in``) and the people
it names (``people_in``, which reads titles with ``parse_titles``, bodies with
``parse_body`` and names with ``name_at``), then records posts, the meeting's
holder, date and chair, people's roles at the current meeting and the documents
it discussed.  After the last sentence, ``extract`` merges the headline's meeting
into the body's and unifies meeting nodes that name the same meeting.
"""

from kg.extract.article import extract
from kg.extract.lexicon import lex

#: Bump whenever a rule changes what it extracts: cached extractions are then redone.
EXTRACTOR_VERSION = "29"

__all__ = ["EXTRACTOR_VERSION", "extract", "lex"]
