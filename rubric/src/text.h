// Text preparation for matching: UTF-8 repair, normalisation with a map back to original offsets,
// sentence splitting and classification, and word tokens. Pure functions; thread-safe.
#ifndef RUBRIC_SRC_TEXT_H_
#define RUBRIC_SRC_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace rubric::internal {

// Replaces every invalid UTF-8 sequence (and NUL) with U+FFFD.
std::string RepairUtf8(std::string_view in);
size_t CountCodePoints(std::string_view valid_utf8);

struct NormalizedText {
  // Lower case ASCII, straight quotes, '-' for dashes, '...' for ellipses, one ' ' per run of
  // white space, or '\n' where the run is a hard break (blank line, list item, after ". ! ? : ;").
  std::string text;
  // origin[i]: byte offset in the input of text[i]; origin[text.size()] is the input's size.
  std::vector<size_t> origin;
};
NormalizedText Normalize(std::string_view valid_utf8);

struct Sentence {
  size_t begin = 0, end = 0;  // byte range in the normalised text
  int words = 0;
  bool list_like = false;  // a term list ("cqrs, kafka, sagas, outbox") rather than a statement
  // A note that ties its terms to a reason, a consequence or a number ("single db -> a transaction
  // is atomic", "ttl + jitter - avoids synchronized expiry"): terse, but a statement.
  bool reasoned = false;
  bool fragment = false;   // too short to say anything (fewer than 3 words)
  bool question = false;   // ends with '?'
};
std::vector<Sentence> SplitSentences(std::string_view normalized);

// True when the normalised note `body` links a term to a reason: a relation word ("because",
// "avoids", "instead") or a link sign ("->", " - ", ":", "=", ";") with a reason after it that is
// more than another term (a function word or a number in it, or at least four words).
bool IsReasonedNote(std::string_view body);

// Word tokens: runs of [a-z0-9] joined by ' + # . / - when a letter or digit follows.
std::vector<std::string_view> Words(std::string_view normalized);
bool IsStopWord(std::string_view word);

// Word pairs that English prose almost never has ("the of", "to is", a sentence ending in "the"):
// shuffled words have about one per ten words, written answers nearly none.
int ScrambledPairs(std::string_view sentence);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_TEXT_H_
