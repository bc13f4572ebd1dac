#include "web/portal/Language.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace tessera::web::portal {

namespace {

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// "0.8" -> 800; anything that is not a valid qvalue -> -1 (the entry is ignored).
int qvalueThousandths(const std::string& text) {
    if (text.empty() || text.size() > 5 || (text[0] != '0' && text[0] != '1')) return -1;
    if (text.size() > 1 && text[1] != '.') return -1;
    int value = (text[0] - '0') * 1000;
    int scale = 100;
    for (std::size_t i = 2; i < text.size(); ++i, scale /= 10) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
        value += (text[i] - '0') * scale;
    }
    return value > 1000 ? -1 : value;
}

}  // namespace

const std::vector<PortalLanguage>& portalLanguages() {
    static const std::vector<PortalLanguage> languages{{"en", "English"}, {"fr", "Français"}, {"gd", "Gàidhlig"}};
    return languages;
}

bool isPortalLanguage(std::string_view code) {
    const auto& all = portalLanguages();
    return std::any_of(all.begin(), all.end(), [&](const PortalLanguage& l) { return l.code == code; });
}

std::optional<std::string> fromAcceptLanguage(std::string_view header) {
    std::optional<std::string> best;
    int bestQ = 0;
    std::size_t start = 0;
    while (start <= header.size()) {
        std::size_t comma = header.find(',', start);
        if (comma == std::string_view::npos) comma = header.size();
        std::string entry = trim(header.substr(start, comma - start));
        start = comma + 1;
        if (entry.empty()) continue;

        std::string range = entry;
        int q = 1000;
        if (auto semi = entry.find(';'); semi != std::string::npos) {
            range = trim(std::string_view(entry).substr(0, semi));
            std::string param = lower(trim(std::string_view(entry).substr(semi + 1)));
            if (param.rfind("q=", 0) != 0) continue;
            q = qvalueThousandths(param.substr(2));
        }
        if (q <= 0) continue;
        range = lower(range);
        std::string primary = range.substr(0, range.find('-'));
        if (primary == "*") primary = "en";
        // Earlier entries win ties, as the header lists them in the browser's order.
        if (isPortalLanguage(primary) && q > bestQ) {
            best = primary;
            bestQ = q;
        }
    }
    return best;
}

std::string chooseLanguage(const LanguageSignals& signals) {
    if (signals.cookie && isPortalLanguage(*signals.cookie)) return *signals.cookie;
    if (signals.accountLanguage && isPortalLanguage(*signals.accountLanguage)) return *signals.accountLanguage;
    if (signals.acceptLanguage)
        if (auto preferred = fromAcceptLanguage(*signals.acceptLanguage)) return *preferred;
    return "en";
}

}  // namespace tessera::web::portal
