#pragma once
// How register matching compares what a person typed with what a register holds. Both
// sides go through the same folding, so only real differences remain:
//   - case: "MACLEOD" = "MacLeod";
//   - accents and special Latin letters: é→e, ß→ss, ø→o, æ→ae, þ→th, ł→l, and combining
//     accents (a decomposed "é") are dropped; letters of other scripts are kept as they are;
//   - apostrophes and full stops join what they separate: O'Brien = OBrien, St. = St;
//   - every other non-letter, non-digit (spaces, hyphens, commas, slashes) separates
//     tokens, and runs of separators count as one.
// Names are then compared token by token (given names) or as one compact string (family
// names, places: "O Brien" = "O'Brien" = "OBrien", "Smith-Jones" = "Smith Jones"),
// with "Mac" at the start of a token written "Mc" (MacDonald = McDonald = Mc Donald).
// Plain loops over bytes, no regex and no locale: the matcher runs these for every
// candidate of a lookup.
#include <string>
#include <string_view>
#include <vector>

namespace tessera::core::text {

// The folded tokens of `text` ("Mary-Jane  O'Brien" gives {"mary", "jane", "obrien"}).
std::vector<std::string> tokens(std::string_view text);
// The tokens joined by one space ("  Fort-William " gives "fort william").
std::string folded(std::string_view text);
// A family name (or a place) as one string: tokens joined without spaces, a leading
// "mac" of each token written "mc" ("Mac Donald" and "McDonald" give "mcdonald").
std::string compactName(std::string_view name);

}  // namespace tessera::core::text
