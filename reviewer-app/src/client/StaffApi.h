#pragma once
// Who is signed in at the workstation: GET /api/v1/staff/me. The window offers what the roles
// allow (reviewing for reviewer and senior_reviewer, administration for admin); the server
// checks every call again, so this only decides what is shown.
#include <QString>
#include <QStringList>

#include <functional>

#include "client/ApiClient.h"

namespace tessera::reviewer {

struct StaffMember {
    QString accountId;
    QString name;
    QString email;
    QStringList roles;  // "reviewer", "senior_reviewer", "admin"

    bool reviews() const { return roles.contains("reviewer") || roles.contains("senior_reviewer"); }
    bool administers() const { return roles.contains("admin"); }
};

ApiResult<StaffMember> readStaffMember(const ApiResponse& response);

// The answer comes once, later, on the event loop, unless `context` is gone by then.
void fetchStaffMember(ApiClient& client, QObject* context, std::function<void(const ApiResult<StaffMember>&)> done);

}  // namespace tessera::reviewer
