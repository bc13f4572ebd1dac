#pragma once
// The pieces every mail the server sends shares: the greeting line in the citizen's language and
// the {placeholder} filling of a catalogue text.
#include <string>
#include <string_view>

namespace tessera::core::mail {

// "Hello Morag," / "Bonjour Morag," / "Halò Morag,"; English for an unknown language, and no
// name when the account has none.
std::string greeting(std::string_view language, const std::string& name);

// Replaces every {key} in text with value (a value holding "{key}" is not expanded again).
std::string fill(std::string_view text, const std::string& key, const std::string& value);

}  // namespace tessera::core::mail
