#pragma once
// TESSERA_DEMO=1: the demo citizens' identity verification, made through the core services a
// citizen's own journey uses (register checks against the configured registers — the sample
// registers by default, resources/registers — and applications with uploaded photos), so
// what the demo shows is what the platform does:
//  - Catriona Anne Drummond: vital record, address and council tax reference matched (LoA 2),
//    so the demo service can show verified_claims;
//  - Eilidh Mairi MacLeod and Seán Patrick O'Brien: LoA 1 and a document_photo application
//    (driving licence, passport) submitted for a reviewer. Eilidh's passport is reported
//    stolen in the sample register, and the core refuses a stolen document when it is
//    entered, so her application rests on her licence.
// Idempotent: what is already done is skipped. A step the registers do not confirm does not
// stop the server; it is returned as a note to print.
#include <string>
#include <vector>

#include "tessera/shared/Result.h"
#include "web/Services.h"

namespace tessera::web::demo {

// The demo citizens' accounts must exist. Notes: steps that could not be done.
Result<std::vector<std::string>> seedDemoIdentities(Services& services);

}  // namespace tessera::web::demo
