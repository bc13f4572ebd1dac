#pragma once
// One document photo, held in memory only (decoded from the bytes the server sent): zoom,
// pan (drag, scroll bars, arrow keys), rotate by quarter turns, fit to the window, actual size,
// and a magnifier lens that follows the pointer. Keys while the viewer has focus: + and -
// zoom, 0 fits, 1 shows actual size, T / Shift+T turn right / left, M toggles the magnifier.
#include <QByteArray>
#include <QImage>
#include <QWidget>

class QGraphicsPixmapItem;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QToolButton;

namespace tessera::reviewer {

class MagnifierLens;

class ImageViewer : public QWidget {
    Q_OBJECT

public:
    static constexpr double kMinZoom = 0.05;
    static constexpr double kMaxZoom = 16.0;
    static constexpr double kZoomStep = 1.25;

    // `title` names the photo for people and screen readers ("Document front").
    explicit ImageViewer(const QString& title, QWidget* parent = nullptr);

    // False when the bytes are not a photo this workstation can show (the viewer says so).
    bool setImageData(const QByteArray& bytes);
    void setImage(const QImage& image);
    // Drops the photo from memory; `message` is shown in its place ("Loading…", a problem).
    void clear(const QString& message = {});
    void showMessage(const QString& message);

    bool hasImage() const;
    QImage image() const;
    double zoom() const { return zoom_; }
    int rotation() const { return rotation_; }
    bool fitsWindow() const { return fitting_; }
    bool magnifierShown() const;
    QGraphicsView* view() const { return view_; }
    MagnifierLens* magnifier() const { return lens_; }

public slots:
    void zoomIn();
    void zoomOut();
    void setZoom(double zoom);
    void actualSize();
    void fitToWindow();
    void rotateClockwise();
    void rotateCounterClockwise();
    void setMagnifierShown(bool shown);
    void toggleMagnifier();

signals:
    void zoomChanged(double zoom);
    void rotationChanged(int degrees);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildToolBar(QWidget* bar);
    void addShortcut(const QKeySequence& keys, void (ImageViewer::*slot)());
    void applyTransform();
    double fittingZoom() const;
    void moveLens(QPoint viewportPos);
    void updateControls();

    QString title_;
    QGraphicsScene* scene_ = nullptr;
    QGraphicsView* view_ = nullptr;
    QGraphicsPixmapItem* photo_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* zoomLabel_ = nullptr;
    QToolButton* magnifierButton_ = nullptr;
    QList<QToolButton*> photoButtons_;
    MagnifierLens* lens_ = nullptr;
    QPoint lensPos_{-1, -1};
    double zoom_ = 1.0;
    int rotation_ = 0;
    bool fitting_ = true;
};

}  // namespace tessera::reviewer
