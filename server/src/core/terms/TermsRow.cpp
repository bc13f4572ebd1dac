#include "core/terms/TermsRow.h"

#include <string>


namespace tessera::core {

std::optional<TermsDocument> termsDocumentFromRow(const Poco::Data::RecordSet& rs, std::size_t row) {
    TermsDocument d;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, row).convert<std::string>(); };
    auto num = [&]() { return std::int64_t(rs.value(i++, row).convert<Poco::Int64>()); };
    d.id = str();
    auto kind = termsKindFrom(str());
    if (!kind) return std::nullopt;
    d.kind = *kind;
    d.language = str();
    d.version = num();
    d.title = str();
    d.body = str();
    d.summaryOfChanges = str();
    d.effectiveAt = num();
    d.createdAt = num();
    return d;
}

}  // namespace tessera::core
