#pragma once
// "Prove who you are": the pages under /account/verify (paths in PortalPaths.h). They call the
// same core services as the REST API (core/verification, core/assurance); one file per group.
#include "web/portal/PortalRouter.h"

namespace tessera::web::portal {

// Every page below.
void registerVerifyPages(PortalRouter& pages);

// /account/verify: the level, the evidence held, the next steps, the application's status.
void registerVerifyOverviewPage(PortalRouter& pages);
// /account/verify/identity (+ /questions), /address, /known-fact: the register checks.
void registerVerifyRegisterPages(PortalRouter& pages);
// /account/verify/documents, /document, /check, /submitted, /withdraw: the application.
void registerVerifyApplicationPages(PortalRouter& pages);
// /account/verify/photos, /video: the uploads (multipart forms; the recorder's script).
void registerVerifyUploadPages(PortalRouter& pages);

}  // namespace tessera::web::portal
