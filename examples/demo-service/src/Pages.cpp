#include "Pages.h"

#include "Html.h"

namespace tessera::demo::pages {

namespace {

std::string claimsTable(const std::string& caption, const std::vector<std::pair<std::string, std::string>>& claims) {
    std::string html = "<table>\n<caption>" + escape(caption) + "</caption>\n<thead><tr><th scope=\"col\">Claim</th>"
                       "<th scope=\"col\">Value</th></tr></thead>\n<tbody>\n";
    for (const auto& [name, value] : claims)
        html += "<tr><th scope=\"row\"><code>" + escape(name) + "</code></th><td><pre>" + escape(value) + "</pre></td></tr>\n";
    return html + "</tbody>\n</table>\n";
}

std::string levelText(const Session& s) {
    if (!s.loa) return "an unknown level (acr \"" + escape(s.acr) + "\")";
    return "level " + std::to_string(toInt(*s.loa)) + " (<code>" + escape(s.acr) + "</code>)";
}

std::string startAgain() { return "<p><a class=\"button\" href=\"/\">Back to Demo council</a></p>\n"; }

}  // namespace

std::string signedOutHome() {
    return R"(<h1>Demo council</h1>
<p>Welcome to Demo council's online services: council tax, parking permits, bin collections
(none of them real). Sign in with your Tessera account: you sign in once, and Tessera tells
this service who you are, with your agreement.</p>
<form method="get" action="/sign-in">
<label for="lang">Language for Tessera's pages</label>
<select id="lang" name="lang">
<option value="">The language your browser asks for</option>
<option value="en" lang="en">English</option>
<option value="fr" lang="fr">Français</option>
<option value="gd" lang="gd">Gàidhlig</option>
</select>
<div><button type="submit" class="button">Sign in with Tessera</button></div>
</form>
<h2>Benefits and health records</h2>
<p>This part of the service needs level of assurance 2: Tessera must be sure enough that you are
who you say you are. <a href="/secure">Go to benefits and health records</a>.</p>
)";
}

std::string signedInHome(const Session& s) {
    std::string html = "<h1>Welcome, " + escape(s.name) + "</h1>\n";
    html += "<p>You are signed in to Demo council through Tessera, at " + levelText(s) + ".";
    if (s.loa) html += " " + escape(describe(*s.loa));
    html += "</p>\n";
    if (!s.email.empty()) html += "<p>We will write to you at <strong>" + escape(s.email) + "</strong>.</p>\n";
    html += "<h2>What Tessera shared with Demo council</h2>\n";
    if (!s.userinfoClaims.empty()) html += claimsTable("Claims from Tessera's userinfo endpoint", s.userinfoClaims);
    if (!s.userinfoProblem.empty())
        html += "<p class=\"problem\">Tessera's userinfo endpoint could not be read: " + escape(s.userinfoProblem) +
                " The claims below come from the ID token only.</p>\n";
    html += claimsTable("Claims in the ID token (signature, issuer, audience, times and nonce checked)", s.idTokenClaims);
    html += "<h2>Benefits and health records</h2>\n<p>This part needs level of assurance 2. "
            "<a href=\"/secure\">Go to benefits and health records</a>.</p>\n";
    html += "<form method=\"post\" action=\"/sign-out\">\n<input type=\"hidden\" name=\"csrf\" value=\"" +
            escape(s.csrfToken) + "\">\n<button type=\"submit\" class=\"button secondary\">Sign out</button>\n</form>\n";
    return html;
}

std::string secure(const Session& s) {
    return "<h1>Benefits and health records</h1>\n<p class=\"success\">Tessera confirmed your identity at " + levelText(s) +
           ", so you can see this page.</p>\n<p>Here Demo council would show your housing benefit claim and your "
           "health records. There are none: this is a demonstration.</p>\n<p><a href=\"/\">Back to your account</a></p>\n";
}

std::string levelNotReached(Loa required, const std::string& providerError, const std::string& providerDescription,
                            const std::string& portalUrl) {
    const std::string level = std::to_string(toInt(required));
    std::string html = "<h1>Your identity has not been confirmed to level " + level + "</h1>\n";
    html += "<p class=\"problem\">Benefits and health records need level of assurance " + level +
            ". Tessera could not sign you in at that level, so this page stays closed.</p>\n";
    html += "<p>Level " + level + ": " + escape(describe(required)) + "</p>\n";
    if (!providerError.empty()) {
        html += "<p>Tessera said: <code>" + escape(providerError) + "</code>";
        if (!providerDescription.empty()) html += " – " + escape(providerDescription);
        html += "</p>\n";
    }
    html += "<h2>What you can do</h2>\n<p>Prove who you are in your Tessera account to raise your level, then come back: "
            "<a href=\"" + escape(portalUrl) + "\">go to your Tessera account</a>.</p>\n"
            "<p>You can still use the rest of Demo council: <a href=\"/\">back to Demo council</a>.</p>\n";
    return html;
}

std::string notShared() {
    return "<h1>You chose not to share your details</h1>\n<p>You told Tessera not to share your details with Demo "
           "council, so you are not signed in. Nothing was shared.</p>\n<p>If you change your mind, sign in again and "
           "choose to share.</p>\n" + startAgain();
}

std::string problem(const std::string& heading, const std::string& explanation, const std::string& detail) {
    std::string html = "<h1>" + escape(heading) + "</h1>\n<p class=\"problem\">" + escape(explanation) + "</p>\n";
    if (!detail.empty()) html += "<p>Details: " + escape(detail) + "</p>\n";
    return html + startAgain();
}

std::string providerDown(const std::string& issuer, const std::string& detail) {
    return "<h1>Tessera cannot be reached right now</h1>\n<p class=\"problem\">Demo council signs you in through "
           "Tessera at <code>" + escape(issuer) + "</code>, and it is not answering properly. Try again in a minute.</p>\n"
           "<p>Details: " + escape(detail) + "</p>\n" + startAgain();
}

std::string signedOut(bool providerSessionEnded) {
    std::string html = "<h1>You have signed out</h1>\n";
    html += providerSessionEnded
                ? "<p class=\"success\">You have signed out of Demo council and of Tessera.</p>\n"
                : "<p class=\"success\">You have signed out of Demo council.</p>\n";
    return html + startAgain();
}

std::string notFound() {
    return "<h1>Page not found</h1>\n<p>Demo council has no page at this address.</p>\n" + startAgain();
}

}  // namespace tessera::demo::pages
