#include "core/terms/TermsDraft.h"

#include <algorithm>

#include "core/accounts/FieldErrorList.h"
#include "infra/Digest.h"
#include "tessera/shared/Utf8.h"

namespace tessera::core {

namespace {

bool isBlank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool hasControlCharacters(const std::string& s, bool allowLineBreaks) {
    return std::any_of(s.begin(), s.end(), [&](unsigned char c) {
        if (allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')) return false;
        return c < 0x20 || c == 0x7f;
    });
}

void check(FieldErrorList& errors, const std::string& field, const std::optional<std::string>& value,
           std::size_t maxBytes, bool required, bool allowLineBreaks) {
    if (!value) return;
    if (required && isBlank(*value)) return errors.add(field, "required", "This field is required.");
    if (value->size() > maxBytes)
        return errors.add(field, "too_long", "Must be at most " + std::to_string(maxBytes) + " bytes long.");
    if (!utf8::isValid(*value)) return errors.add(field, "not_utf8", "Must be valid UTF-8 text.");
    if (hasControlCharacters(*value, allowLineBreaks))
        return errors.add(field, "control_characters",
                          allowLineBreaks ? "Must not contain control characters other than line breaks and tabs."
                                          : "Must be one line without control characters.");
}

}  // namespace

Status validateTermsText(const TermsText& text) {
    FieldErrorList errors;
    check(errors, "title", text.title, kMaxTermsTitleBytes, true, false);
    check(errors, "body", text.body, kMaxTermsBodyBytes, true, true);
    check(errors, "summaryOfChanges", text.summaryOfChanges, kMaxTermsSummaryBytes, false, true);
    return errors.status();
}

std::string termsEtag(const TermsDocument& d) {
    // Lengths first, so no two different texts give the same input.
    std::string input;
    for (const std::string* part : {&d.id, &d.title, &d.body, &d.summaryOfChanges})
        input += std::to_string(part->size()) + ":" + *part;
    input += std::to_string(d.effectiveAt);
    return "\"" + infra::digest::sha256Hex(input).substr(0, 32) + "\"";
}

bool IfMatch::matches(const std::string& etag) const {
    return any || std::find(tags.begin(), tags.end(), etag) != tags.end();
}

}  // namespace tessera::core
