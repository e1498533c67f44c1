@echo off
rem course: the course's command line on Windows (cmd or PowerShell: .\course check notebooks).
rem Builds the CLI and the course library the first time and after a change under grader\ or lib\, then runs it.
setlocal
set "ROOT=%~dp0"
set "DLL=%ROOT%grader\Course.Cli\bin\Debug\net10.0\course.dll"
set "STAMP=%ROOT%artifacts\course-cli.stamp"
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$r='%ROOT%'; $s='%STAMP%'; if (!(Test-Path '%DLL%') -or !(Test-Path $s) -or !(Test-Path ($r+'artifacts\course-lib\CollectiveSecurity.dll'))) { exit 1 };" ^
  "$t=(Get-Item $s).LastWriteTimeUtc; $n=Get-ChildItem -Recurse -File ($r+'grader'),($r+'lib') | Where-Object { $_.FullName -notmatch '\\(bin|obj)\\' -and $_.LastWriteTimeUtc -gt $t } | Select-Object -First 1; if ($n) { exit 1 } else { exit 0 }"
if errorlevel 1 (
  echo course: building the course CLI and library ^(the first time takes about a minute; later, only after a change^)... 1>&2
  dotnet build "%ROOT%grader\Course.Cli" -nologo -v quiet -clp:ErrorsOnly 1>&2 || (echo course: the build failed ^(errors above^) 1>&2 & exit /b 1)
  if not exist "%ROOT%artifacts" mkdir "%ROOT%artifacts"
  type nul > "%STAMP%"
)
dotnet "%DLL%" %*
