#include "Html.h"

namespace tessera::demo {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string renderPage(const std::string& title, const std::string& mainHtml, const std::string& signedInName) {
    std::string html = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>)" + escape(title) + R"( – Demo council (demo service)</title>
<link rel="stylesheet" href="/static/demo.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="wrap">
<a class="site-name" href="/">Demo council</a>
<p class="demo-tag">Demo service</p>
)";
    if (!signedInName.empty()) html += "<p>Signed in as <strong>" + escape(signedInName) + "</strong></p>\n";
    html += R"(</div>
</header>
<div class="wrap">
<p class="notice"><strong>This is a demonstration service, not a real council.</strong> It shows how a
service signs citizens in with Tessera using OpenID Connect. Nothing you do here is kept.</p>
<main id="main">
)" + mainHtml + R"(
</main>
</div>
<footer><div class="wrap">Demo council is an example that comes with Tessera. It keeps what it receives in memory only, until you sign out or it stops.</div></footer>
</body>
</html>
)";
    return html;
}

}  // namespace tessera::demo
