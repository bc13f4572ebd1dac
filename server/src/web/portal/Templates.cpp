#include "web/portal/Templates.h"

#include <kainjow/mustache.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tessera::web::portal {

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;

namespace {

const std::string kExtension = ".mustache";

// Empty text becomes false, so {{#optional}}...{{/optional}} skips it as mustache.js would.
mustache::data toMustache(const PageData& d) {
    switch (d.kind()) {
        case PageData::Kind::Text:
            return d.textValue().empty() ? mustache::data(false) : mustache::data(d.textValue());
        case PageData::Kind::Flag:
            return mustache::data(d.flagValue());
        case PageData::Kind::List: {
            mustache::data list(mustache::data::type::list);
            for (const auto& item : d.items()) list.push_back(toMustache(item));
            return list;
        }
        case PageData::Kind::Object:
            break;
    }
    mustache::data object(mustache::data::type::object);
    for (const auto& [key, value] : d.members()) object.set(key, toMustache(value));
    return object;
}

Result<std::string> readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::unavailable("template_unreadable", "Cannot read the template " + path.string() + ".");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

Result<Templates> Templates::load(const std::string& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return Error::unavailable("templates_missing", "The templates folder " + folder + " does not exist.");
    std::map<std::string, std::string> sources;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const fs::path& path = it->path();
        const std::string file = path.filename().string();
        if (!it->is_regular_file() || file.size() <= kExtension.size() ||
            file.compare(file.size() - kExtension.size(), kExtension.size(), kExtension) != 0)
            continue;
        std::string name = fs::relative(path, folder).generic_string();
        name.erase(name.size() - kExtension.size());
        auto text = readFile(path);
        if (!text) return text.error();
        sources.emplace(std::move(name), std::move(*text));
    }
    if (ec) return Error::unavailable("templates_unreadable", "Cannot list " + folder + ": " + ec.message());
    return fromSources(std::move(sources));
}

Result<Templates> Templates::fromSources(std::map<std::string, std::string> sources) {
    for (const auto& [name, text] : sources) {
        mustache::mustache parsed(text);
        if (!parsed.is_valid())
            return Error::unavailable("template_invalid", "The template " + name + " is malformed: " + parsed.error_message());
    }
    Templates t;
    t.sources_ = std::move(sources);
    return t;
}

std::vector<std::string> Templates::names() const {
    std::vector<std::string> out;
    for (const auto& entry : sources_) out.push_back(entry.first);
    return out;
}

const std::string& Templates::source(const std::string& name) const {
    static const std::string none;
    auto it = sources_.find(name);
    return it == sources_.end() ? none : it->second;
}

Result<std::string> Templates::render(const std::string& name, const PageData& data) const {
    auto it = sources_.find(name);
    if (it == sources_.end()) return Error::internal("There is no template named " + name + ".");
    mustache::data root = toMustache(data);
    // Every template is reachable as a partial by its name.
    for (const auto& [partialName, text] : sources_) {
        const std::string* source = &text;
        root.set(partialName, mustache::partial([source] { return *source; }));
    }
    // A fresh parse per render: a kainjow template object keeps state while rendering, so
    // one object must not serve two requests at once. Parsing a page costs microseconds.
    mustache::mustache page(it->second);
    std::string html = page.render(root);
    if (!page.is_valid())
        return Error::internal("The template " + name + " did not render: " + page.error_message());
    return html;
}

}  // namespace tessera::web::portal
