#include "core/oidc/LogoutOnSessionEnd.h"

#include <map>

namespace tessera::core::oidc {

Status LogoutOnSessionEnd::sessionsEnded(Poco::Data::Session& transaction, const std::vector<std::string>& publicIds,
                                         std::int64_t at) {
    const auto ended = store_.endForSessions(transaction, publicIds, at);
    if (!worker_ || ended.empty()) return {};
    std::map<std::string, bool> told;  // service id -> has a back-channel logout URI
    std::vector<std::string> sids;
    for (const auto& o : ended) {
        auto known = told.find(o.serviceId);
        if (known == told.end()) {
            auto service = services_.findById(transaction, o.serviceId);
            known = told.emplace(o.serviceId, service && !service->disabled && !service->backchannelLogoutUri.empty())
                        .first;
        }
        if (known->second) sids.push_back(o.sid);
    }
    worker_->expect(sids);
    return {};
}

}  // namespace tessera::core::oidc
