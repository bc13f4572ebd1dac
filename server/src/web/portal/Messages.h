#pragma once
// Every text the portal shows, in message catalogues: resources/web/i18n/<language>.json,
// nested objects of strings ({"sign_in": {"title": "Sign in"}} is the key "sign_in.title").
// A text may name placeholders, "Signed in as {name}", filled in by the caller. A key missing
// in a language falls back to English, then to the key itself (and a test fails first).
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tessera/shared/Result.h"
#include "web/portal/PageData.h"

namespace tessera::web::portal {

using MessageArgs = std::vector<std::pair<std::string, std::string>>;

class Messages {
public:
    static constexpr const char* kFallbackLanguage = "en";

    // Reads every <language>.json in the folder; English must be among them.
    static Result<Messages> load(const std::string& folder);
    // For tests: catalogues given as language -> JSON text.
    static Result<Messages> fromJson(const std::map<std::string, std::string>& catalogues);

    std::vector<std::string> languages() const;
    // Every key of a language's own catalogue (without fallbacks), sorted.
    std::vector<std::string> keys(const std::string& language) const;
    bool has(const std::string& language, const std::string& key) const;

    // The text for `key` in `language` (else English, else the key) with {placeholders} filled.
    std::string text(const std::string& language, const std::string& key, const MessageArgs& args = {}) const;
    // Every English key with its text in `language`, nested as in the catalogue, for
    // templates to read as {{t.sign_in.title}}. Placeholders are left as they are.
    const PageData& tree(const std::string& language) const;

private:
    using Catalogue = std::map<std::string, std::string>;
    const std::string* find(const std::string& language, const std::string& key) const;

    std::map<std::string, Catalogue> catalogues_;
    std::map<std::string, PageData> trees_;
};

// Replaces each {name} in `pattern` by its value in args; unknown names stay as written.
std::string fillPlaceholders(const std::string& pattern, const MessageArgs& args);
// The placeholder names a text uses, in order of appearance ("{name}" -> "name").
std::vector<std::string> placeholdersIn(const std::string& text);

// Messages bound to one language: what a page handler uses.
class Translator {
public:
    Translator(const Messages& messages, std::string language) : messages_(&messages), language_(std::move(language)) {}
    std::string operator()(const std::string& key, const MessageArgs& args = {}) const {
        return messages_->text(language_, key, args);
    }
    const std::string& language() const { return language_; }
    // Whether the key exists (in English, the reference every catalogue must match).
    bool has(const std::string& key) const { return messages_->has(Messages::kFallbackLanguage, key); }

private:
    const Messages* messages_;
    std::string language_;
};

}  // namespace tessera::web::portal
