#pragma once
// HTML text: escaping and the page frame every page shares (header, the demo notice, main).
#include <string>
#include <string_view>

namespace tessera::demo {

std::string escape(std::string_view text);

// A whole document: `title` (escaped here) in <title> and the header, `mainHtml` (already
// HTML) inside <main>, and "Signed in as NAME" in the header when `signedInName` is set.
std::string renderPage(const std::string& title, const std::string& mainHtml, const std::string& signedInName = "");

}  // namespace tessera::demo
