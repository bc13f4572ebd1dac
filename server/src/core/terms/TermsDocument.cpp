#include "core/terms/TermsDocument.h"

namespace tessera::core {

std::string toString(TermsKind kind) {
    switch (kind) {
        case TermsKind::TermsOfService: return "terms_of_service";
        case TermsKind::PrivacyPolicy: return "privacy_policy";
        case TermsKind::DataCollection: return "data_collection";
    }
    return "terms_of_service";
}

std::optional<TermsKind> termsKindFrom(std::string_view name) {
    for (TermsKind kind : kAllTermsKinds)
        if (toString(kind) == name) return kind;
    return std::nullopt;
}

}  // namespace tessera::core
