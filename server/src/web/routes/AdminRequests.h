#pragma once
// What the administration routes read the same way: the administrator calling (session with
// CSRF, or the workstation's bearer token), page sizes, If-Match headers and ISO 8601 times.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/services/Actor.h"
#include "core/terms/TermsDraft.h"
#include "web/Request.h"
#include "web/Services.h"

namespace tessera::web {

// The administrator calling, as the audit log names them; otherwise the problem was sent.
std::optional<core::Actor> requireAdmin(Request& r, Services& services);

// ?limit= as a page size from 1 to `max` (`fallback` when absent); otherwise sends 400
// validation_failed (limit: out_of_range) and returns nullopt.
std::optional<std::size_t> pageLimit(Request& r, std::size_t fallback, std::size_t max);

// The If-Match header: strong tags as sent, or `*`; nullopt when there is none.
std::optional<core::IfMatch> ifMatchHeader(const Request& r);

// "2027-01-15T09:30:00Z" (with a zone: Z or ±hh:mm; fractions of a second dropped) as Unix
// seconds, or nullopt when the text is not such a time.
std::optional<std::int64_t> parseIsoTime(const std::string& text);
std::string isoTime(std::int64_t unixSeconds);

// Sends 412 for a core "precondition_failed" error, otherwise the error's own status.
void sendAdminProblem(Request& r, const Error& error);

}  // namespace tessera::web
