<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AblationView</name>
    <message numerus="yes">
        <source>Importance over %n example(s) of the validation split: darker heads matter more.</source>
        <translation>
            <numerusform>Importance over %n example of the validation split: darker heads matter more.</numerusform>
            <numerusform>Importance over %n examples of the validation split: darker heads matter more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With %n head(s) off, against every head on:</source>
        <translation>
            <numerusform>With %n head off, against every head on:</numerusform>
            <numerusform>With %n heads off, against every head on:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pruning %n head(s)…</source>
        <translation>
            <numerusform>Pruning %n head…</numerusform>
            <numerusform>Pruning %n heads…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttentionMapPlot</name>
    <message numerus="yes">
        <source>layer %1, mean of %n head(s)</source>
        <translation>
            <numerusform>layer %1, mean of %n head</numerusform>
            <numerusform>layer %1, mean of %n heads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttributionView</name>
    <message numerus="yes">
        <source>Σ scores = %1; f(x) − f(baseline) = %2 − %3 = %4; completeness gap %5 (%6 %) after %n step(s).</source>
        <translation>
            <numerusform>Σ scores = %1; f(x) − f(baseline) = %2 − %3 = %4; completeness gap %5 (%6 %) after %n step.</numerusform>
            <numerusform>Σ scores = %1; f(x) − f(baseline) = %2 − %3 = %4; completeness gap %5 (%6 %) after %n steps.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message numerus="yes">
        <source>The %1 most changed heads, over %n sentence(s) of the validation split:</source>
        <translation>
            <numerusform>The %1 most changed heads, over %n sentence of the validation split:</numerusform>
            <numerusform>The %1 most changed heads, over %n sentences of the validation split:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixPlot</name>
    <message numerus="yes">
        <source>True %1, predicted %2: %n example(s) (%3 % of the row). Click to list them.</source>
        <translation>
            <numerusform>True %1, predicted %2: %n example (%3 % of the row). Click to list them.</numerusform>
            <numerusform>True %1, predicted %2: %n examples (%3 % of the row). Click to list them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatasetChartsPlot</name>
    <message numerus="yes">
        <source>truncated: %n</source>
        <translation>
            <numerusform>truncated: %n</numerusform>
            <numerusform>truncated: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExperimentProgressView</name>
    <message numerus="yes">
        <source>Repeating %1 with %n other seed(s): %2 done</source>
        <translation>
            <numerusform>Repeating %1 with %n other seed: %2 done</numerusform>
            <numerusform>Repeating %1 with %n other seeds: %2 done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repeat of %1 stopped after %2 of %n run(s); Continue resumes it</source>
        <translation>
            <numerusform>Repeat of %1 stopped after %2 of %n run; Continue resumes it</numerusform>
            <numerusform>Repeat of %1 stopped after %2 of %n runs; Continue resumes it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 repeated with %n other seed(s)</source>
        <translation>
            <numerusform>%1 repeated with %n other seed</numerusform>
            <numerusform>%1 repeated with %n other seeds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sweep %1: %2 of %n run(s) done</source>
        <translation>
            <numerusform>Sweep %1: %2 of %n run done</numerusform>
            <numerusform>Sweep %1: %2 of %n runs done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sweep %1 stopped after %2 of %n run(s); Continue resumes it</source>
        <translation>
            <numerusform>Sweep %1 stopped after %2 of %n run; Continue resumes it</numerusform>
            <numerusform>Sweep %1 stopped after %2 of %n runs; Continue resumes it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sweep %1 finished: %n run(s), ranked below</source>
        <translation>
            <numerusform>Sweep %1 finished: %n run, ranked below</numerusform>
            <numerusform>Sweep %1 finished: %n runs, ranked below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 ± %3 (mean ± standard deviation over %n seed(s))</source>
        <translation>
            <numerusform>%1: %2 ± %3 (mean ± standard deviation over %n seed)</numerusform>
            <numerusform>%1: %2 ± %3 (mean ± standard deviation over %n seeds)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identical: the loss of each of the %n step(s) matches the original bit for bit.</source>
        <translation>
            <numerusform>Identical: the loss of its one step matches the original bit for bit.</numerusform>
            <numerusform>Identical: the loss of each of the %n steps matches the original bit for bit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PredictPage</name>
    <message numerus="yes">
        <source>%n token(s): </source>
        <translation>
            <numerusform>%n token: </numerusform>
            <numerusform>%n tokens: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunCompareView</name>
    <message numerus="yes">
        <source>%n run(s) compared.</source>
        <translation>
            <numerusform>%n run compared.</numerusform>
            <numerusform>%n runs compared.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SweepDialog</name>
    <message numerus="yes">
        <source>%n run(s), one after the other. A stopped sweep continues from its last unfinished run when started again with the same folder.</source>
        <translation>
            <numerusform>%n run, one after the other. A stopped sweep continues from its last unfinished run when started again with the same folder.</numerusform>
            <numerusform>%n runs, one after the other. A stopped sweep continues from its last unfinished run when started again with the same folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkbenchSession</name>
    <message numerus="yes">
        <source>Imported %n example(s) from %1</source>
        <translation>
            <numerusform>Imported %n example from %1</numerusform>
            <numerusform>Imported %n examples from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Holdout: %n example(s) from %1</source>
        <translation>
            <numerusform>Holdout: %n example from %1</numerusform>
            <numerusform>Holdout: %n examples from %1</numerusform>
        </translation>
    </message>
</context>
</TS>
