#pragma once
#include <QMainWindow>

// The reviewer workstation's main window. For now a placeholder that proves the Qt toolchain
// builds; the queue, case view and administration arrive with the workstation issue.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};
