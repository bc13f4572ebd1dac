// The message catalogues and the templates agree: every key in one language is in every
// other, placeholders match, every key a template or the portal's code names exists, and
// templates print nothing unescaped but the rendered page inside the layout.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "support/Paths.h"
#include "web/portal/Language.h"
#include "web/portal/Messages.h"
#include "web/portal/Templates.h"

using namespace tessera::web::portal;
namespace fs = std::filesystem;

namespace {

Messages loadMessages() {
    auto m = Messages::load(tessera::test::resourcesDir() + "/web/i18n");
    REQUIRE(m.ok());
    return std::move(*m);
}

Templates loadTemplates() {
    auto t = Templates::load(tessera::test::resourcesDir() + "/web/templates");
    REQUIRE(t.ok());
    return std::move(*t);
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Keys the portal's C++ names in string literals ("sign_in.title"): dotted lower-case words
// whose first word is a top-level section of the English catalogue.
std::set<std::string> keysNamedInSources(const std::set<std::string>& sections) {
    static const std::regex literal(R"re("([a-z][a-z0-9_]*(?:\.[a-zA-Z0-9_]+)+)")re");
    std::set<std::string> keys;
    const fs::path portal = fs::path(tessera::test::sourceDir()) / "server/src/web/portal";
    for (const auto& entry : fs::recursive_directory_iterator(portal)) {
        if (entry.path().extension() != ".cpp") continue;
        const std::string text = readFile(entry.path());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it) {
            const std::string key = (*it)[1].str();
            const std::string section = key.substr(0, key.find('.'));
            // A literal ending in "." or "_" is the start of a key completed at run time.
            if (sections.count(section) && key.back() != '.' && key.back() != '_') keys.insert(key);
        }
    }
    return keys;
}

}  // namespace

TEST_CASE("Every catalogue has exactly the keys of every other", "[portal][i18n]") {
    const Messages messages = loadMessages();
    for (const auto& language : portalLanguages()) {
        const std::string code(language.code);
        INFO("catalogue " << code);
        REQUIRE(messages.has(code, "common.skip_link"));
    }
    const auto languages = messages.languages();
    for (const auto& a : languages) {
        for (const auto& b : languages) {
            for (const auto& key : messages.keys(a)) {
                INFO(key << " is in " << a << ".json but not in " << b << ".json");
                CHECK(messages.has(b, key));
            }
        }
    }
}

TEST_CASE("Translations use the same placeholders as English and are not English copies", "[portal][i18n]") {
    const Messages messages = loadMessages();
    for (const auto& language : {"fr", "gd"}) {
        std::size_t sameAsEnglish = 0, total = 0;
        for (const auto& key : messages.keys("en")) {
            const std::string english = messages.text("en", key), own = messages.text(language, key);
            auto sortedPlaceholders = [](const std::string& s) {
                auto p = placeholdersIn(s);
                std::sort(p.begin(), p.end());
                return p;
            };
            INFO(language << " " << key << ": \"" << own << "\" vs \"" << english << "\"");
            CHECK(sortedPlaceholders(own) == sortedPlaceholders(english));
            CHECK_FALSE(own.empty());
            ++total;
            if (own == english) ++sameAsEnglish;
        }
        // Names, "Alpha", "{day} {month} {year}"... may match; the prose must not.
        INFO(language << ": " << sameAsEnglish << " of " << total << " texts are the English ones");
        CHECK(sameAsEnglish * 10 < total);
    }
}

TEST_CASE("Every message key a template uses exists", "[portal][i18n]") {
    const Messages messages = loadMessages();
    const Templates templates = loadTemplates();
    static const std::regex use(R"re(\{\{[#^/]?\s*t\.([A-Za-z0-9_.]+)\s*\}\})re");
    std::size_t uses = 0;
    for (const auto& name : templates.names()) {
        const std::string& text = templates.source(name);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), use); it != std::sregex_iterator(); ++it) {
            const std::string key = (*it)[1].str();
            ++uses;
            INFO("template " << name << " uses t." << key);
            CHECK(messages.has("en", key));
        }
    }
    CHECK(uses > 50);
}

TEST_CASE("Every message key the portal's code names exists", "[portal][i18n]") {
    const Messages messages = loadMessages();
    std::set<std::string> sections;
    for (const auto& key : messages.keys("en")) sections.insert(key.substr(0, key.find('.')));
    const auto named = keysNamedInSources(sections);
    CHECK(named.size() > 20);
    const auto all = messages.keys("en");
    for (const auto& key : named) {
        // A whole key, or the start of keys the code completes ("account.sections.profile" + ".title").
        const bool prefix = std::any_of(all.begin(), all.end(), [&](const std::string& k) { return k.rfind(key + ".", 0) == 0; });
        INFO("the portal's code names " << key);
        CHECK((messages.has("en", key) || prefix));
    }
}

TEST_CASE("Templates escape everything but the page inside the layout", "[portal][templates]") {
    const Templates templates = loadTemplates();
    static const std::regex unescaped(R"re(\{\{\{|\{\{\s*&)re");
    for (const auto& name : templates.names()) {
        const std::string& text = templates.source(name);
        std::ptrdiff_t count = std::distance(std::sregex_iterator(text.begin(), text.end(), unescaped),
                                             std::sregex_iterator());
        INFO("template " << name);
        CHECK(count == (name == "layout" ? 1 : 0));
    }
    CHECK(templates.source("layout").find("{{{content}}}") != std::string::npos);
}
