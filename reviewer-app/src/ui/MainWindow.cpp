#include "ui/MainWindow.h"

#include <QLabel>

#include "tessera/shared/Loa.h"

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Tessera Reviewer"));
    auto* label = new QLabel(
        tr("Tessera reviewer workstation. Levels of assurance known: %1").arg(tessera::kLoaCount), this);
    label->setAccessibleName(tr("Welcome"));
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(1024, 700);
}
