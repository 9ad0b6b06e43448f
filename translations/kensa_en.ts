<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ReportWriter</name>
    <message numerus="yes">
        <location filename="../ui/review/report_writer.cpp" line="241"/>
        <source>The %n highest-scoring image(s)</source>
        <translation>
            <numerusform>The %n highest-scoring image&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The %n highest-scoring image&lt;/numerusform&gt;
            &lt;numerusform&gt;The %n highest-scoring images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::ImageBrowser&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/browser/image_browser.cpp" line="109"/&gt;
        &lt;source&gt;%n image&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n image&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n image&lt;/numerusform&gt;
            &lt;numerusform&gt;%n images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/browser/image_browser.cpp" line="110"/&gt;
        &lt;source&gt;%1 of %n image&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%1 of %n image&lt;/numerusform&gt;
            &lt;numerusform&gt;%1 of %n images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::ProjectActions&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/main/project_actions.cpp" line="195"/&gt;
        &lt;source&gt;Added %n image from %1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Added %n image from %1.&lt;/numerusform&gt;
            &lt;numerusform&gt;Added %n images from %1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::ReviewPanel&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/review/review_panel.cpp" line="158"/&gt;
        &lt;source&gt;Inspecting %n image…&lt;/numerusform&gt;
            &lt;numerusform&gt;%n images&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n image&lt;/numerusform&gt;
            &lt;numerusform&gt;%n images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/browser/image_browser.cpp" line="110"/&gt;
        &lt;source&gt;%1 of %n images&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%1 of %n image&lt;/numerusform&gt;
            &lt;numerusform&gt;%1 of %n images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::ProjectActions&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/main/project_actions.cpp" line="195"/&gt;
        &lt;source&gt;Added %n images from %1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Added %n image from %1.&lt;/numerusform&gt;
            &lt;numerusform&gt;Added %n images from %1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::ReviewPanel&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/review/review_panel.cpp" line="158"/&gt;
        &lt;source&gt;Inspecting %n images…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/browser/image_browser.cpp" line="110"/&gt;
        &lt;source&gt;%1 of %n image</numerusform>
            <numerusform>The %n highest-scoring images&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The %n highest-scoring image&lt;/numerusform&gt;
            &lt;numerusform&gt;The %n highest-scoring images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::ImageBrowser&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/browser/image_browser.cpp" line="109"/&gt;
        &lt;source&gt;%n images&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n image&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n image&lt;/numerusform&gt;
            &lt;numerusform&gt;%n images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/browser/image_browser.cpp" line="110"/&gt;
        &lt;source&gt;%1 of %n image&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%1 of %n image&lt;/numerusform&gt;
            &lt;numerusform&gt;%1 of %n images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::ProjectActions&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/main/project_actions.cpp" line="195"/&gt;
        &lt;source&gt;Added %n image from %1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Added %n image from %1.&lt;/numerusform&gt;
            &lt;numerusform&gt;Added %n images from %1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::ReviewPanel&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/review/review_panel.cpp" line="158"/&gt;
        &lt;source&gt;Inspecting %n image…&lt;/numerusform&gt;
            &lt;numerusform&gt;%n images&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n image&lt;/numerusform&gt;
            &lt;numerusform&gt;%n images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/browser/image_browser.cpp" line="110"/&gt;
        &lt;source&gt;%1 of %n images&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%1 of %n image&lt;/numerusform&gt;
            &lt;numerusform&gt;%1 of %n images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::ProjectActions&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/main/project_actions.cpp" line="195"/&gt;
        &lt;source&gt;Added %n images from %1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Added %n image from %1.&lt;/numerusform&gt;
            &lt;numerusform&gt;Added %n images from %1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::ReviewPanel&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/review/review_panel.cpp" line="158"/&gt;
        &lt;source&gt;Inspecting %n images…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/browser/image_browser.cpp" line="110"/&gt;
        &lt;source&gt;%1 of %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::ProjectActions</name>
    <message numerus="yes">
        <location filename="../ui/main/project_actions.cpp" line="195"/>
        <source>Added %n image(s) from %1.</source>
        <translation>
            <numerusform>Added %n image from %1.</numerusform>
            <numerusform>Added %n images from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::ReviewPanel</name>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="158"/>
        <source>Inspecting %n image(s)…</source>
        <translation>
            <numerusform>Inspecting %n image…</numerusform>
            <numerusform>Inspecting %n images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="175"/>
        <source>%n image(s) inspected in %1 s.</source>
        <translation>
            <numerusform>%n image inspected in %1 s.</numerusform>
            <numerusform>%n images inspected in %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="178"/>
        <source>%n image(s) the model trained on left out.</source>
        <translation>
            <numerusform>%n image the model trained on left out.</numerusform>
            <numerusform>%n images the model trained on left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::SyntheticPanel</name>
    <message numerus="yes">
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="365"/>
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n sample&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n sample&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n sample&lt;/numerusform&gt;
            &lt;numerusform&gt;%n samples&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::TrainingPanel&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/training/training_panel.cpp" line="298"/&gt;
        &lt;source&gt;%n normal training image&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n normal training image&lt;/numerusform&gt;
            &lt;numerusform&gt;%n normal training images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/training/training_panel.cpp" line="300"/&gt;
        &lt;source&gt;, %n marked defect not used&lt;/numerusform&gt;
            &lt;numerusform&gt;%n samples&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n sample&lt;/numerusform&gt;
            &lt;numerusform&gt;%n samples&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::TrainingPanel&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/training/training_panel.cpp" line="298"/&gt;
        &lt;source&gt;%n normal training images&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n normal training image&lt;/numerusform&gt;
            &lt;numerusform&gt;%n normal training images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/training/training_panel.cpp" line="300"/&gt;
        &lt;source&gt;, %n marked defects not used&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::TrainingPanel&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/training/training_panel.cpp" line="298"/&gt;
        &lt;source&gt;%n normal training image</numerusform>
            <numerusform>%n samples&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n sample&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n sample&lt;/numerusform&gt;
            &lt;numerusform&gt;%n samples&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::TrainingPanel&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/training/training_panel.cpp" line="298"/&gt;
        &lt;source&gt;%n normal training image&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n normal training image&lt;/numerusform&gt;
            &lt;numerusform&gt;%n normal training images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/training/training_panel.cpp" line="300"/&gt;
        &lt;source&gt;, %n marked defect not used&lt;/numerusform&gt;
            &lt;numerusform&gt;%n samples&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n sample&lt;/numerusform&gt;
            &lt;numerusform&gt;%n samples&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::TrainingPanel&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/training/training_panel.cpp" line="298"/&gt;
        &lt;source&gt;%n normal training images&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n normal training image&lt;/numerusform&gt;
            &lt;numerusform&gt;%n normal training images&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/training/training_panel.cpp" line="300"/&gt;
        &lt;source&gt;, %n marked defects not used&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;kensa::ui::TrainingPanel&lt;/name&gt;
    &lt;message numerus="yes"&gt;
        &lt;location filename="../ui/training/training_panel.cpp" line="298"/&gt;
        &lt;source&gt;%n normal training images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="300"/>
        <source>, %n marked defect(s) not used</source>
        <translation>
            <numerusform>, %n marked defect not used</numerusform>
            <numerusform>, %n marked defects not used</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="301"/>
        <source>, %n marked defect(s)</source>
        <translation>
            <numerusform>, %n marked defect</numerusform>
            <numerusform>, %n marked defects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::TrainingWorker</name>
    <message numerus="yes">
        <location filename="../ui/training/training_worker.cpp" line="60"/>
        <source>anomaly-available: %n marked defect(s)</source>
        <translation>
            <numerusform>anomaly-available: %n marked defect</numerusform>
            <numerusform>anomaly-available: %n marked defects</numerusform>
        </translation>
    </message>
</context>
</TS>
