#pragma once
// Private: which code points count as letters (with their combining marks) in a person's
// name. The standard library has no Unicode character classes, so this is a table of the
// letter blocks of the world's living scripts, less their digits, punctuation and symbols.
namespace tessera::detail {

bool isNameLetter(char32_t cp);

}  // namespace tessera::detail
