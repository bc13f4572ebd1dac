// Catch2's main for the workstation's tests: a QApplication on the offscreen platform (no
// display needed), so models, network calls and widgets run on a real Qt event loop.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName("tessera-reviewer-tests");
    QApplication::setOrganizationName("Tessera");
    return Catch::Session().run(argc, argv);
}
