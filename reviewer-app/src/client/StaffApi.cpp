#include "client/StaffApi.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tessera::reviewer {

ApiResult<StaffMember> readStaffMember(const ApiResponse& response) {
    const QJsonObject json = response.json.object();
    if (!json["accountId"].isString() || !json["roles"].isArray()) {
        Problem problem = localProblem(
            kBadAnswerCode, Problem::tr("The server's answer could not be read (%1).").arg(QLatin1String("staff/me")), false);
        problem.status = response.status;
        return problem;
    }
    StaffMember me;
    me.accountId = json["accountId"].toString();
    me.name = json["name"].toString();
    me.email = json["email"].toString();
    for (const QJsonValue& role : json["roles"].toArray()) me.roles.append(role.toString());
    return me;
}

void fetchStaffMember(ApiClient& client, QObject* context, std::function<void(const ApiResult<StaffMember>&)> done) {
    client.send(ApiRequest::get(QStringLiteral("/api/v1/staff/me")), context, [done = std::move(done)](const ApiReply& reply) {
        if (!reply) return done(reply.problem());
        done(readStaffMember(reply.value()));
    });
}

}  // namespace tessera::reviewer
