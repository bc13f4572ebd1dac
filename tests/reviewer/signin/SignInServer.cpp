#include "SignInServer.h"

#include <QCoreApplication>

#include <memory>

#include "support/RunningServer.h"
#include "support/StaffSignIn.h"

namespace tessera::reviewer::test {

namespace {

class DemoServer final : public SignInServer {
public:
    DemoServer() : reviewer_(signInAs(server_, QStringLiteral("reviewer"))) {}
    QUrl url() const override { return server_.url(); }
    QNetworkAccessManager& reviewerSession() override { return *reviewer_.network; }

private:
    RunningServer server_;
    StaffSession reviewer_;
};

std::unique_ptr<SignInServer> sharedServer;
// Stopped while the application object still exists (its network and process objects need it).
void stopSharedServer() { sharedServer.reset(); }

}  // namespace

SignInServer& SignInServer::shared() {
    if (!sharedServer) {
        sharedServer = std::make_unique<DemoServer>();
        qAddPostRoutine(stopSharedServer);
    }
    return *sharedServer;
}

}  // namespace tessera::reviewer::test
