#include "web/portal/Messages.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tessera::web::portal {

namespace fs = std::filesystem;

namespace {

// Flattens nested objects into dotted keys; every leaf must be a string.
Status flatten(const Poco::JSON::Object& object, const std::string& prefix, std::map<std::string, std::string>& out,
               const std::string& language) {
    for (const auto& [name, value] : object) {
        const std::string key = prefix.empty() ? name : prefix + "." + name;
        if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
            if (auto nested = flatten(*value.extract<Poco::JSON::Object::Ptr>(), key, out, language); !nested)
                return nested;
        } else if (value.isString()) {
            out[key] = value.convert<std::string>();
        } else {
            return Error::unavailable("catalogue_invalid",
                                      "The " + language + " message catalogue has a non-text value at " + key + ".");
        }
    }
    return {};
}

// Nests dotted keys again for templates: "a.b" -> {a: {b: ...}}.
void insertNested(PageData& root, const std::string& key, const std::string& text) {
    PageData* node = &root;
    std::size_t start = 0;
    for (std::size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', start)) {
        const std::string part = key.substr(start, dot - start);
        PageData* child = node->find(part);
        if (!child || child->kind() != PageData::Kind::Object) {
            node->set(part, PageData());
            child = node->find(part);
        }
        node = child;
        start = dot + 1;
    }
    node->set(key.substr(start), text);
}

}  // namespace

Result<Messages> Messages::load(const std::string& folder) {
    std::map<std::string, std::string> texts;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        texts[entry.path().stem().string()] = body.str();
    }
    if (ec) return Error::unavailable("catalogues_missing", "Cannot read the message catalogues in " + folder + ": " + ec.message());
    return fromJson(texts);
}

Result<Messages> Messages::fromJson(const std::map<std::string, std::string>& catalogues) {
    Messages m;
    for (const auto& [language, json] : catalogues) {
        Poco::JSON::Object::Ptr object;
        try {
            object = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
        } catch (const std::exception&) {
            return Error::unavailable("catalogue_invalid", "The " + language + " message catalogue is not a JSON object.");
        }
        Catalogue flat;
        if (auto ok = flatten(*object, "", flat, language); !ok) return ok.error();
        m.catalogues_[language] = std::move(flat);
    }
    if (!m.catalogues_.count(kFallbackLanguage))
        return Error::unavailable("catalogue_missing", "There is no English message catalogue (en.json).");
    for (const auto& [language, catalogue] : m.catalogues_) {
        PageData tree;
        for (const auto& [key, english] : m.catalogues_.at(kFallbackLanguage)) {
            auto own = catalogue.find(key);
            insertNested(tree, key, own != catalogue.end() ? own->second : english);
        }
        m.trees_[language] = std::move(tree);
    }
    return m;
}

std::vector<std::string> Messages::languages() const {
    std::vector<std::string> out;
    for (const auto& entry : catalogues_) out.push_back(entry.first);
    return out;
}

std::vector<std::string> Messages::keys(const std::string& language) const {
    std::vector<std::string> out;
    auto it = catalogues_.find(language);
    if (it == catalogues_.end()) return out;
    for (const auto& entry : it->second) out.push_back(entry.first);
    return out;
}

bool Messages::has(const std::string& language, const std::string& key) const {
    auto it = catalogues_.find(language);
    return it != catalogues_.end() && it->second.count(key) > 0;
}

const std::string* Messages::find(const std::string& language, const std::string& key) const {
    for (const std::string& lang : {language, std::string(kFallbackLanguage)}) {
        auto catalogue = catalogues_.find(lang);
        if (catalogue == catalogues_.end()) continue;
        auto text = catalogue->second.find(key);
        if (text != catalogue->second.end()) return &text->second;
    }
    return nullptr;
}

std::string Messages::text(const std::string& language, const std::string& key, const MessageArgs& args) const {
    const std::string* pattern = find(language, key);
    return pattern ? fillPlaceholders(*pattern, args) : key;
}

const PageData& Messages::tree(const std::string& language) const {
    auto it = trees_.find(language);
    return it != trees_.end() ? it->second : trees_.at(kFallbackLanguage);
}

std::string fillPlaceholders(const std::string& pattern, const MessageArgs& args) {
    std::string out;
    std::size_t pos = 0;
    while (pos < pattern.size()) {
        const std::size_t open = pattern.find('{', pos);
        const std::size_t close = open == std::string::npos ? std::string::npos : pattern.find('}', open);
        if (close == std::string::npos) break;
        out.append(pattern, pos, open - pos);
        const std::string name = pattern.substr(open + 1, close - open - 1);
        const std::string* value = nullptr;
        for (const auto& [argName, argValue] : args)
            if (argName == name) value = &argValue;
        out += value ? *value : pattern.substr(open, close - open + 1);
        pos = close + 1;
    }
    out.append(pattern, pos, std::string::npos);
    return out;
}

std::vector<std::string> placeholdersIn(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        out.push_back(text.substr(open + 1, close - open - 1));
    }
    return out;
}

}  // namespace tessera::web::portal
