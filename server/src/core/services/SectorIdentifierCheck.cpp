#include "core/services/SectorIdentifierCheck.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <optional>

#include <set>
#include <vector>

namespace tessera::core {

namespace {

constexpr const char* kField = "sectorIdentifier";

Error problem(const std::string& code, const std::string& message) { return Error::field(kField, code, message); }

// The strings of a JSON array, or nullopt when the document is anything else (an array
// holding a non-string counts as anything else: the file is then not what §8.1 describes).
std::optional<std::set<std::string>> uriList(const std::string& document) {
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var parsed = parser.parse(document);
        if (parsed.type() != typeid(Poco::JSON::Array::Ptr)) return std::nullopt;
        const auto array = parsed.extract<Poco::JSON::Array::Ptr>();
        std::set<std::string> out;
        for (std::size_t i = 0; i < array->size(); ++i) {
            const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
            if (!item.isString()) return std::nullopt;
            out.insert(item.extract<std::string>());
        }
        return out;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

Status checkSectorIdentifier(SectorIdentifierSource* source, const Service& service) {
    const std::string& uri = service.sectorIdentifier;
    if (uri.empty()) return {};
    if (!source)
        return problem("sector_unverifiable",
                       "The sector identifier URI cannot be checked here; register it through the administration API.");
    auto document = source->fetch(uri);
    if (!document)
        return problem("sector_unreachable", "The sector identifier URI could not be fetched: " + document.error().message);
    const auto listed = uriList(*document);
    if (!listed)
        return problem("sector_not_uri_list",
                       "The document at the sector identifier URI is not a JSON array of URIs (OpenID Connect Core §8.1).");
    std::vector<std::string> missing;
    for (const auto& redirect : service.redirectUris)
        if (!listed->count(redirect)) missing.push_back(redirect);
    if (missing.empty()) return {};
    std::string names;
    for (const auto& m : missing) names += (names.empty() ? "" : ", ") + m;
    return problem("sector_missing_redirect", "The document at the sector identifier URI does not list " + names +
                                                  "; add it there or use a sector identifier of your own.");
}

}  // namespace tessera::core
