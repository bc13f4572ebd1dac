#include "web/portal/pages/VerifyPages.h"

namespace tessera::web::portal {

void registerVerifyPages(PortalRouter& pages) {
    registerVerifyOverviewPage(pages);
    registerVerifyRegisterPages(pages);
    registerVerifyApplicationPages(pages);
    registerVerifyUploadPages(pages);
}

}  // namespace tessera::web::portal
