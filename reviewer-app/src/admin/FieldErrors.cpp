#include "admin/FieldErrors.h"

namespace tessera::reviewer {

FieldErrors::FieldErrors(const Problem& problem, const QStringList& formFields) {
    for (const auto& e : problem.fieldErrors) {
        if (formFields.contains(e.field) && !byField_.contains(e.field)) {
            byField_.insert(e.field, e.message);
        } else {
            general_.append(e.field.isEmpty() ? e.message : QStringLiteral("%1: %2").arg(e.field, e.message));
        }
    }
    if (problem.fieldErrors.isEmpty()) general_.append(problem.message());
}

}  // namespace tessera::reviewer
