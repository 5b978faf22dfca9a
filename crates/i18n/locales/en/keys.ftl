## Key file, audit checkpoints and backups (decision 0005)

keys-checkpoint-heading = Audit checkpoint
keys-checkpoint-off = No audit checkpoints are being written. Start Saathi with --checkpoint-dir to keep one every day away from the database.
keys-checkpoint-none-yet = No audit checkpoint has been written yet.
keys-checkpoint-newest = Newest checkpoint: entry { $seq } on { $date }, { $signed ->
        [yes] signed
       *[no] unsigned
    }. Short hash: { $hash }
keys-checkpoint-note = Note this short hash down, or send it to someone outside this server. With it, anyone can later show that the audit trail was not cut short or rewritten.
