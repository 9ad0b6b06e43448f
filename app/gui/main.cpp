// kensa: the desktop app. Everything lives in kensa_ui; this only sets up the application.
#include "main/app_setup.h"
#include "main/main_window.h"

#include <kensa/nn/blas_kernels.h>

#include <QApplication>

int main(int argc, char** argv) {
    kensa::nn::use_native_blas_kernels(argv);
    QApplication app(argc, argv);
    kensa::ui::setUpApplication(app);
    kensa::ui::MainWindow window;
    const auto options = kensa::ui::parseCommandLine(app);
    window.show();
    kensa::ui::applyCommandLine(window, options);
    return app.exec();
}
